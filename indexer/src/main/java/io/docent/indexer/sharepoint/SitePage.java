package io.docent.indexer.sharepoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A modern SharePoint site page as Microsoft Graph returns it with {@code $expand=canvasLayout}: the page's text is
 * the {@code innerHtml} of its text web parts, section by section and column by column, in reading order
 * (horizontal sections top to bottom, then the vertical section). Other web parts (images, lists, news) hold no text
 * of the page's own; their {@code data.title} and {@code data.description}, when set, are kept as a line.
 *
 * @param title the page title
 * @param name the file name ({@code Home.aspx})
 * @param webUrl where the page opens, or {@code ""}
 * @param description the page description, or {@code ""}
 * @param html the page's text web parts joined, as HTML
 * @param lastModified {@code lastModifiedDateTime}, or {@code null}
 * @param createdBy the author's display name, or {@code ""}
 * @param lastModifiedBy the last editor's display name, or {@code ""}
 * @param everPublished whether {@code publishingState.versionId} is 1.0 or later; a page still at 0.x has never
 *     been published and is a draft
 * @param access what the {@code permissions} array the export script adds grants ({@link GraphPermissions});
 *     undeclared when there is none
 */
record SitePage(
        String title,
        String name,
        String webUrl,
        String description,
        String html,
        Instant lastModified,
        String createdBy,
        String lastModifiedBy,
        boolean everPublished,
        GraphPermissions.Grant access) {

    /**
     * @param json the sitePage
     * @param now the time of reading, against which sharing links expire
     */
    static SitePage of(JsonNode json, Instant now) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        List<String> parts = new ArrayList<>();
        JsonNode layout = json.path("canvasLayout");
        for (JsonNode section : layout.path("horizontalSections")) {
            for (JsonNode column : section.path("columns")) {
                webParts(column.path("webparts"), parts);
            }
        }
        webParts(layout.path("verticalSection").path("webparts"), parts);
        String version = json.path("publishingState").path("versionId").asText("");
        return new SitePage(
                json.path("title").asText("").strip(),
                json.path("name").asText(""),
                json.path("webUrl").asText(""),
                json.path("description").asText("").strip(),
                String.join("\n", parts),
                DriveItem.instant(json.path("lastModifiedDateTime").asText("")),
                DriveItem.displayName(json.path("createdBy")),
                DriveItem.displayName(json.path("lastModifiedBy")),
                version.isBlank() || !version.startsWith("0."),
                GraphPermissions.read(json.get("permissions"), now, "its sitePage JSON"));
    }

    private static void webParts(JsonNode webParts, List<String> parts) {
        for (JsonNode part : webParts) {
            String html = part.path("innerHtml").asText("");
            if (!html.isBlank()) {
                parts.add(html);
                continue;
            }
            JsonNode data = part.path("data");
            for (String field : new String[] {"title", "description"}) {
                String text = data.path(field).asText("");
                if (!text.isBlank()) {
                    parts.add("<p>" + escape(text) + "</p>");
                }
            }
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
