package io.docent.slack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.model.User;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UserDirectoryTest {

    private final AtomicInteger lookups = new AtomicInteger();

    private User user(String id) {
        lookups.incrementAndGet();
        if (id.equals("UBROKEN")) {
            throw new IllegalStateException("users.info failed");
        }
        if (id.equals("UGONE")) {
            return null;
        }
        User u = new User();
        u.setId(id);
        u.setName("alice");
        User.Profile profile = new User.Profile();
        profile.setDisplayName("Alice");
        u.setProfile(profile);
        return u;
    }

    @Test
    void names_people_by_their_display_name_asking_once() {
        var users = new UserDirectory(this::user, Ticker.systemTicker());

        assertThat(users.name("U1")).isEqualTo("Alice");
        assertThat(users.name("U1")).isEqualTo("Alice");
        assertThat(lookups).hasValue(1);
    }

    @Test
    void falls_back_to_the_id_and_asks_again_later_when_the_lookup_fails() {
        var users = new UserDirectory(this::user, Ticker.systemTicker());

        assertThat(users.name("UBROKEN")).isEqualTo("UBROKEN");
        assertThat(users.name("UBROKEN")).isEqualTo("UBROKEN");
        assertThat(users.name("UGONE")).isEqualTo("UGONE");
        assertThat(users.name("UGONE")).isEqualTo("UGONE");
        assertThat(lookups).hasValue(4);
    }
}
