package io.docent.indexer.export;

import io.docent.core.DocentException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of export Docent reads; {@link #id()} is the name {@code docent index --format} takes. */
public enum ExportFormat {
    /** A Confluence HTML space export: {@code index.html}, one HTML file per page, {@code attachments/<pageId>/}. */
    CONFLUENCE_HTML("confluence-html"),
    /** A Confluence XML space or site export: {@code entities.xml}, {@code exportDescriptor.properties}. */
    CONFLUENCE_XML("confluence-xml"),
    /** A SharePoint document library and site pages in the layout of {@code docs/indexing.md}. */
    SHAREPOINT("sharepoint"),
    /** A plain folder of Markdown, HTML, text, Office and PDF files. */
    FILES("files");

    private final String id;

    ExportFormat(String id) {
        this.id = id;
    }

    /** The name on the command line: {@code confluence-html}, {@code confluence-xml}, {@code sharepoint}, {@code files}. */
    public String id() {
        return id;
    }

    /** The format named {@code id} (case-insensitive); an unknown name is invalid input that lists the known ones. */
    public static ExportFormat parse(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            if (f.id.equals(wanted)) {
                return f;
            }
        }
        throw new DocentException.InvalidInput("Unknown export format '" + id + "'; use one of "
                + Arrays.stream(values()).map(ExportFormat::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
