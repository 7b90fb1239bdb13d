package io.docent.app.cli;

import io.docent.app.DocentStack;
import io.docent.app.SampleKnowledgeBase;
import io.docent.indexer.export.ExportOptions;
import io.docent.indexer.sync.IndexJob;
import io.docent.indexer.sync.SyncResult;
import java.io.PrintWriter;
import java.nio.file.Path;

/** First use: an empty index gets the bundled sample handbook, so the first question has something to answer from. */
final class Bootstrap {

    private Bootstrap() {}

    static void ensureIndexed(DocentStack stack, PrintWriter err) {
        if (stack.index().chunkCount() > 0) {
            return;
        }
        Path folder = SampleKnowledgeBase.extractTo(stack.home().resolve("sample-kb"));
        err.println("docent: the index is empty, so indexing the sample knowledge base first (the handbook of"
                + " Northwind Labs, a fictional company) from " + folder + ".");
        err.println("docent: index your own documents with: docent index --source NAME PATH");
        err.flush();
        var progress = new ProgressBar(err, "documents");
        // The same reader `docent index --public --source handbook FOLDER` picks, so a later run over it changes
        // nothing. The sample is a fictional company's handbook, meant for everyone: declared public, as a folder
        // carries no permissions and would otherwise be for administrators only.
        SyncResult result = IndexJob.builder(stack.index(), stack.embedder(), SampleKnowledgeBase.SOURCE, folder)
                .exportOptions(ExportOptions.builder().publicSource(true).build())
                .progress(progress::update)
                .build()
                .runOnce();
        stack.index().commit();
        progress.done();
        err.println("docent: " + result.summary());
        err.flush();
    }
}
