package io.docent.indexer.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Tells an export's format from the names of its files, so a folder and a zip are detected the same way and a zip
 * need not be extracted to be recognised. Paths are relative to the export's root, {@code /}-separated.
 *
 * <ol>
 *   <li>{@code entities.xml} at the root: {@link ExportFormat#CONFLUENCE_XML}.
 *   <li>{@code index.html} at the root with Confluence's {@code styles/site.css}, an {@code attachments/} folder or
 *       page files named {@code Title_12345.html}: {@link ExportFormat#CONFLUENCE_HTML}.
 *   <li>Docent's SharePoint manifest {@code docent-sharepoint.json}, Graph metadata beside a file ({@code
 *       *.driveItem.json}) or site pages ({@code *.sitePage.json}): {@link ExportFormat#SHAREPOINT}.
 *   <li>Anything else: {@link ExportFormat#FILES}.
 * </ol>
 */
final class FormatDetector {

    /** How deep into a folder detection looks, and how many names at most: detection must stay instant. */
    private static final int MAX_DEPTH = 4;

    private static final int MAX_NAMES = 20_000;

    private static final Pattern CONFLUENCE_PAGE_FILE = Pattern.compile("[^/]+_\\d+\\.html");

    /** Entries that archivers add and that are never content. */
    static final Set<String> ARCHIVER_NOISE = Set.of("__MACOSX", ".DS_Store", "Thumbs.db");

    private FormatDetector() {}

    static ExportFormat detect(Collection<String> paths) {
        boolean indexHtml = false;
        boolean confluenceHtmlSign = false;
        boolean sharepoint = false;
        for (String path : paths) {
            String lower = path.toLowerCase(Locale.ROOT);
            if (lower.equals("entities.xml")) {
                return ExportFormat.CONFLUENCE_XML;
            }
            indexHtml |= lower.equals("index.html");
            confluenceHtmlSign |= lower.equals("styles/site.css")
                    || lower.startsWith("attachments/")
                    || CONFLUENCE_PAGE_FILE.matcher(path).matches();
            sharepoint |= lower.equals("docent-sharepoint.json")
                    || lower.endsWith(".driveitem.json")
                    || lower.endsWith(".sitepage.json");
        }
        if (indexHtml && confluenceHtmlSign) {
            return ExportFormat.CONFLUENCE_HTML;
        }
        return sharepoint ? ExportFormat.SHAREPOINT : ExportFormat.FILES;
    }

    /**
     * The export's root inside {@code folder}: the folder itself, or its only subfolder when that is a Confluence or
     * SharePoint export (a zip unpacked into a folder of its own name). A plain folder is never unwrapped: adding a
     * second subfolder to it later must not change every document's id.
     */
    static Path root(Path folder) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(folder)) {
            children = list.filter(p -> !noise(p.getFileName().toString())).toList();
        }
        if (children.size() == 1
                && Files.isDirectory(children.getFirst(), LinkOption.NOFOLLOW_LINKS)
                && detect(names(children.getFirst())) != ExportFormat.FILES) {
            return children.getFirst();
        }
        return folder;
    }

    /** The relative paths of files under {@code root}, a few levels deep, without following links. */
    static List<String> names(Path root) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, MAX_DEPTH, new FileVisitOption[0])) {
            walk.filter(p -> !p.equals(root))
                    .limit(MAX_NAMES)
                    .forEach(p -> names.add(relative(root, p) + (Files.isDirectory(p) ? "/" : "")));
        } catch (UncheckedIOException e) {
            // an unreadable subfolder: detect from what was listed; the reader reports the folder itself
        }
        return names;
    }

    static boolean noise(String name) {
        return ARCHIVER_NOISE.contains(name) || name.startsWith("._");
    }

    private static String relative(Path root, Path p) {
        List<String> parts = new ArrayList<>();
        root.relativize(p).forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }
}
