package io.docent.app.cli;

import io.docent.app.DocentStack;
import io.docent.app.SampleKnowledgeBase;
import io.docent.indexer.files.FolderReader;
import io.docent.indexer.sync.SourceSync;
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
        SyncResult result = SourceSync.builder(stack.index(), stack.embedder())
                .build()
                .run(SampleKnowledgeBase.SOURCE, FolderReader.of(folder), progress::update);
        progress.done();
        err.println("docent: " + result.summary());
        err.flush();
    }
}
