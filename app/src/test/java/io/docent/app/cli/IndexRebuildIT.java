package io.docent.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.app.Main;
import io.docent.core.lucene.LuceneSearchIndex;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexRebuildIT {

    @TempDir
    Path home;

    private DocentCliIT.Run docent(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int exit = Main.run(
                args,
                Map.of("DOCENT_HOME", home.toString()),
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new DocentCliIT.Run(exit, out.toString(), err.toString());
    }

    @Test
    void index_built_with_another_model_is_refused_then_rebuilt_on_request() throws Exception {
        // given an index made with another embedding model
        LuceneSearchIndex.open(home.resolve("index"), "some-other-model", 768).close();
        Path docs = Files.createDirectories(home.resolve("docs"));
        Files.writeString(docs.resolve("lunch.md"), "# Lunch\n\nThe canteen serves lunch from 12:00 to 14:00.\n");

        // when
        DocentCliIT.Run refused = docent("ask", "When is lunch served?");
        DocentCliIT.Run rebuilt = docent("index", "--rebuild", "--source", "canteen", docs.toString());
        DocentCliIT.Run answered = docent("ask", "When is lunch served in the canteen?");

        // then
        assertThat(refused.exit()).isEqualTo(3);
        assertThat(refused.err())
                .contains("some-other-model")
                .contains("--rebuild")
                .doesNotContain("\tat ");
        assertThat(rebuilt.exit()).as(rebuilt.err()).isZero();
        assertThat(rebuilt.out()).contains("1 added");
        assertThat(answered.out()).contains("12:00").contains("Lunch");
    }
}
