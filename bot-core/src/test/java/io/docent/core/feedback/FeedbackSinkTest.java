package io.docent.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.DocentException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackSinkTest {

    private static FeedbackRecord vote(String platform) {
        return new FeedbackRecord(
                Instant.parse("2026-12-04T10:00:00Z"),
                platform,
                FeedbackRecord.Vote.UP,
                "U1",
                "C1",
                "",
                "q",
                "a",
                List.of());
    }

    @Test
    void an_observer_hears_of_each_vote_once_it_is_kept() {
        List<FeedbackRecord> kept = new ArrayList<>();
        List<String> heard = new ArrayList<>();
        FeedbackSink sink = FeedbackSink.observed(kept::add, r -> heard.add(r.platform()));

        sink.record(vote("slack"));
        sink.record(vote("teams"));

        assertThat(kept).extracting(FeedbackRecord::platform).containsExactly("slack", "teams");
        assertThat(heard).containsExactly("slack", "teams");
    }

    @Test
    void a_vote_that_is_not_kept_is_not_counted_and_the_failure_reaches_the_caller() {
        List<FeedbackRecord> heard = new ArrayList<>();
        FeedbackSink broken = r -> {
            throw new DocentException("cannot write to the feedback log");
        };
        FeedbackSink sink = FeedbackSink.observed(broken, heard::add);

        assertThatThrownBy(() -> sink.record(vote("slack"))).isInstanceOf(DocentException.class);
        assertThat(heard).isEmpty();
    }

    @Test
    void an_observer_that_fails_does_not_fail_the_vote() {
        List<FeedbackRecord> kept = new ArrayList<>();
        FeedbackSink sink = FeedbackSink.observed(kept::add, r -> {
            throw new IllegalStateException("metrics broke");
        });

        sink.record(vote("teams"));

        assertThat(kept).hasSize(1);
    }
}
