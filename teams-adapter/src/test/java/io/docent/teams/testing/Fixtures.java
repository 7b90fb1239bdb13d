package io.docent.teams.testing;

import com.fasterxml.jackson.databind.node.TextNode;
import com.microsoft.bot.schema.Activity;
import io.docent.teams.activity.ActivityJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Teams activities for tests, from the JSON files in {@code src/test/resources/activities} (written for these
 * tests, in the shapes Teams sends), with {@code {{placeholders}}} filled in.
 */
public final class Fixtures {

    public static final String APP_ID = "6c7c1b5e-1f2d-4c1a-9b7e-2d5f0a3c4b11";
    public static final String TENANT = "0d3f6a7e-5b1c-4e2a-9c8d-7f6e5d4c3b2a";
    /** A bot name that breaks regex-based mention removal. */
    public static final String BOT_NAME = "Docent (beta)*";

    public static final String CHANNEL_ID = "19:3c1f0e2d4b5a69788796a5b4c3d2e1f0@thread.tacv2";
    public static final String TEAM_ID = "19:teamteamteamteamteamteamteamteam@thread.tacv2";

    private static final AtomicLong IDS = new AtomicLong(1_741_080_000_000L);

    private final String template;
    private final Map<String, String> values = new LinkedHashMap<>();

    private Fixtures(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/activities/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            this.template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        values.put("id", Long.toString(IDS.incrementAndGet()));
        values.put("timestamp", "2025-03-04T09:15:30Z"); // no fractional seconds, as some channels send
        values.put("serviceUrl", "https://smba.trafficmanager.net/emea/");
        values.put("tenant", TENANT);
        values.put("chat", "c1");
        values.put("appId", APP_ID);
        values.put("botName", BOT_NAME);
        values.put("text", "How do I get VPN access?");
        values.put("root", "1741080000000");
        values.put("vote", "up");
        values.put("answerId", "t-00000001");
        values.put("replyToId", "1741080000999");
        values.put("reaction", "like");
        values.put("channel", CHANNEL_ID);
        values.put("claimedChannel", ""); // channelData's channel id: the conversation's channel unless set
        values.put("userId", People.MEGAN.id());
        values.put("aadObjectId", People.MEGAN.aadObjectId());
        values.put("userName", People.MEGAN.name());
    }

    /**
     * {@code personal-message}, {@code channel-mention}, {@code group-chat-message}, {@code install-personal}, {@code
     * feedback-invoke} (an earlier answer card's button), {@code feedback-submit} and {@code channel-feedback-submit}
     * (a click on Teams' own feedback buttons, in a 1:1 chat and in a channel).
     */
    public static Fixtures activity(String name) {
        return new Fixtures(name);
    }

    /** The activity as sent by {@code member}: {@code from} carries their Teams id, object id and name. */
    public Fixtures from(FakeBotConnector.Member member) {
        return with("userId", member.id())
                .with("aadObjectId", member.aadObjectId())
                .with("userName", member.name());
    }

    public Fixtures with(String key, String value) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("unknown placeholder " + key);
        }
        values.put(key, value);
        return this;
    }

    public String id() {
        return values.get("id");
    }

    public String json() {
        String json = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            String value = e.getKey().equals("claimedChannel") && e.getValue().isEmpty()
                    ? values.get("channel")
                    : e.getValue();
            String escaped = new TextNode(value).toString();
            json = json.replace("{{" + e.getKey() + "}}", escaped.substring(1, escaped.length() - 1));
        }
        return json;
    }

    public byte[] bytes() {
        return json().getBytes(StandardCharsets.UTF_8);
    }

    public Activity parse() {
        try {
            return ActivityJson.read(bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
