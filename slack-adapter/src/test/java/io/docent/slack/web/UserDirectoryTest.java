package io.docent.slack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.methods.response.users.UsersInfoResponse;
import io.docent.slack.testing.SlackJson;
import io.docent.slack.testing.SlackPayloads;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UserDirectoryTest {

    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;

    private UsersInfoResponse usersInfo(String id) {
        lookups.incrementAndGet();
        return switch (id) {
            case "UBROKEN" -> throw new IllegalStateException("users.info failed");
            case "ULIMITED" -> SlackJson.usersInfoError("ratelimited");
            case "UGONE" -> SlackJson.usersInfoError("user_not_found");
            case "UHIDDEN" -> SlackJson.usersInfoError("user_not_visible");
            default -> SlackJson.usersInfo(SlackPayloads.user(id, "Alice", "Alice@Example.com"));
        };
    }

    @Test
    void names_people_by_their_display_name_asking_once() {
        var users = new UserDirectory(this::usersInfo, ticker);

        assertThat(users.name("U1")).isEqualTo("Alice");
        assertThat(users.name("U1")).isEqualTo("Alice");
        assertThat(lookups).hasValue(1);
    }

    @Test
    void keeps_who_the_person_is_with_their_team_and_email() {
        var users = new UserDirectory(this::usersInfo, ticker);

        SlackUser alice = users.user("U1");

        assertThat(alice.lookup()).isEqualTo(SlackUser.Lookup.FOUND);
        assertThat(alice.teamId()).isEqualTo("T0TEAM");
        assertThat(alice.email()).isEqualTo("Alice@Example.com");
        assertThat(alice.guest()).isFalse();
        assertThat(users.name("U1")).isEqualTo("Alice");
        assertThat(lookups).hasValue(1);
    }

    @Test
    void falls_back_to_the_id_and_asks_again_later_when_the_lookup_fails() {
        var users = new UserDirectory(this::usersInfo, ticker);

        assertThat(users.name("UBROKEN")).isEqualTo("UBROKEN");
        assertThat(users.user("UBROKEN").lookup()).isEqualTo(SlackUser.Lookup.FAILED);
        assertThat(users.user("ULIMITED").lookup()).isEqualTo(SlackUser.Lookup.FAILED);
        assertThat(users.user("ULIMITED").lookup()).isEqualTo(SlackUser.Lookup.FAILED);
        assertThat(lookups).hasValue(4);
    }

    @Test
    void remembers_people_slack_does_not_show_as_not_visible() {
        var users = new UserDirectory(this::usersInfo, ticker);

        assertThat(users.user("UGONE").lookup()).isEqualTo(SlackUser.Lookup.NOT_VISIBLE);
        assertThat(users.user("UHIDDEN").lookup()).isEqualTo(SlackUser.Lookup.NOT_VISIBLE);
        assertThat(users.name("UHIDDEN")).isEqualTo("UHIDDEN");
        assertThat(lookups).hasValue(2);
    }

    @Test
    void asks_again_once_an_entry_is_an_hour_old() {
        var users = new UserDirectory(this::usersInfo, ticker);
        users.user("U1");

        nanos.addAndGet(UserDirectory.DEFAULT_TTL.plus(Duration.ofSeconds(1)).toNanos());
        users.user("U1");

        assertThat(lookups).hasValue(2);
    }
}
