package io.docent.slack.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.util.json.GsonFactory;

/** Slack's JSON read the way Bolt's client reads it (snake case Gson), for tests that need its response objects. */
public final class SlackJson {

    private SlackJson() {}

    /** A {@code users.info} answer with {@code user} (see {@link SlackPayloads#user}). */
    public static UsersInfoResponse usersInfo(ObjectNode user) {
        return parse("{\"ok\":true,\"user\":" + user + "}");
    }

    /** A refused {@code users.info}: {@code {"ok":false,"error":error}}. */
    public static UsersInfoResponse usersInfoError(String error) {
        return parse("{\"ok\":false,\"error\":\"" + error + "\"}");
    }

    private static UsersInfoResponse parse(String json) {
        return GsonFactory.createSnakeCase().fromJson(json, UsersInfoResponse.class);
    }
}
