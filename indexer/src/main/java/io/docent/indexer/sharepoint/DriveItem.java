package io.docent.indexer.sharepoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What a Microsoft Graph driveItem JSON beside a file ({@code Leave.docx.driveItem.json}) says about it.
 *
 * @param name the file name in SharePoint
 * @param webUrl where the file opens in SharePoint, or {@code ""}
 * @param lastModified {@code lastModifiedDateTime}, or {@code null}
 * @param createdBy the creator's display name, or {@code ""}
 * @param lastModifiedBy the last editor's display name, or {@code ""}
 * @param access what its {@code permissions} grant ({@link GraphPermissions}); undeclared when the JSON has none
 */
record DriveItem(
        String name,
        String webUrl,
        Instant lastModified,
        String createdBy,
        String lastModifiedBy,
        GraphPermissions.Grant access) {

    /**
     * @param json the driveItem
     * @param now the time of reading, against which sharing links expire
     */
    static DriveItem of(JsonNode json, Instant now) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return new DriveItem(
                json.path("name").asText(""),
                json.path("webUrl").asText(""),
                instant(json.path("lastModifiedDateTime").asText("")),
                displayName(json.path("createdBy")),
                displayName(json.path("lastModifiedBy")),
                GraphPermissions.read(json.get("permissions"), now, "its driveItem"));
    }

    /** {@code createdBy.user.displayName}, else the email. */
    static String displayName(JsonNode identitySet) {
        JsonNode user = identitySet.path("user");
        String name = user.path("displayName").asText("");
        return name.isBlank() ? user.path("email").asText("") : name;
    }

    static Instant instant(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
