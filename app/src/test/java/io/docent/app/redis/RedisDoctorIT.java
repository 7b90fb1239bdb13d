package io.docent.app.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.app.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docent doctor} on the Redis the replicas share. */
class RedisDoctorIT {

    @TempDir
    Path home;

    @Test
    void says_whether_redis_answers_and_never_prints_its_password() throws Exception {
        try (LocalRedis server = LocalRedis.start()) {
            String[] answers = doctor(server.url());
            assertThat(answers[1]).as(answers[0]).isEqualTo("0");
            assertThat(answers[0]).contains("Redis, reachable: redis://127.0.0.1:" + server.port() + " answers");

            server.stop();
            String[] down = doctor("redis://:s3cret-pw@127.0.0.1:" + server.port());
            assertThat(down[1]).isEqualTo(Integer.toString(Main.EXIT_FAILURES));
            assertThat(down[0])
                    .contains("Redis, reachable")
                    .contains("127.0.0.1:" + server.port())
                    .doesNotContain("s3cret-pw");
        }
        String[] none = doctor(null);
        assertThat(none[0]).contains("Redis, shared state: not configured");
    }

    /** The output and the exit code of {@code docent doctor} with {@code url} as DOCENT_REDIS_URL. */
    private String[] doctor(String url) {
        var out = new StringWriter();
        Map<String, String> env = url == null
                ? Map.of("DOCENT_HOME", home.toString())
                : Map.of("DOCENT_HOME", home.toString(), "DOCENT_REDIS_URL", url);
        int exit = Main.run(
                new String[] {"doctor"},
                env,
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true));
        return new String[] {out.toString(), Integer.toString(exit)};
    }
}
