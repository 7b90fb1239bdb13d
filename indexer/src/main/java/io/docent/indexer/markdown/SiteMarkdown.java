package io.docent.indexer.markdown;

import io.docent.indexer.html.HtmlToMarkdown;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Markdown as static-site generators keep it (Jekyll, Hugo, MkDocs, Docusaurus), reduced to what a reader of the
 * built site sees.
 *
 * <p>A handbook published with one of them is Markdown plus a template language: front matter, Liquid tags ({@code
 * {% include %}}, {@code {% page "/travel/booking" %}}, {@code {{ site.title }}}), Hugo shortcodes ({@code {{< note
 * >}}}), MDX imports and components ({@code <Callout>}), MkDocs admonitions ({@code !!! warning "Title"}) and raw
 * HTML, tables above all. Indexed as they are, answers quote {@code <td class="col-key">} and {@code {% slack_channel
 * "dc" %}}. So, outside code (fenced or indented blocks and inline code keep everything, since a page may document the
 * syntax itself):
 *
 * <ul>
 *   <li>front matter (YAML between {@code ---}, TOML between {@code +++}) is read for the title and description and
 *       removed; front matter that does not parse is left in the text, with a warning for the caller;
 *   <li>Liquid comments and {@code raw} blocks go; a tag with a quoted argument is reduced to its argument (a page path
 *       to its last words, a Slack channel to {@code #name}), other tags disappear and the text they enclose stays;
 *       {@code {{ page.title }}} becomes the page's title, other output tags go;
 *   <li>Hugo shortcodes go, keeping the text between an opening and a closing one, and a quoted argument;
 *   <li>MDX {@code import}/{@code export} lines and capitalised JSX tags go, keeping their children;
 *   <li>admonitions become a bold title line followed by their text, un-indented;
 *   <li>HTML blocks (tables, {@code div}, {@code details}) are converted like any HTML page ({@link HtmlToMarkdown}),
 *       and inline tags are reduced to their text.
 * </ul>
 *
 * Each rule is a regular expression over lines outside code: the template languages are not Markdown, so a Markdown
 * parser would pass them through as text, and what is removed is delimited by the template syntax itself.
 */
public final class SiteMarkdown {

    /** A page read: title and description from front matter (or {@code null}), the cleaned text, and warnings. */
    public record Page(String title, String description, String text, List<String> warnings) {}

    private static final Pattern YAML_FRONT =
            Pattern.compile("\\A---[ \\t]*\\n(.*?\\n)?---[ \\t]*(\\n|\\z)", Pattern.DOTALL);
    private static final Pattern TOML_FRONT =
            Pattern.compile("\\A\\+\\+\\+[ \\t]*\\n(.*?\\n)?\\+\\+\\+[ \\t]*(\\n|\\z)", Pattern.DOTALL);
    private static final Pattern TOML_STRING =
            Pattern.compile("^(title|description)\\s*=\\s*[\"'](.*)[\"']\\s*$", Pattern.MULTILINE);
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```+|~~~+)");

    private static final Pattern LIQUID_COMMENT =
            Pattern.compile("\\{%-?\\s*comment\\s*-?%}.*?\\{%-?\\s*endcomment\\s*-?%}", Pattern.DOTALL);
    private static final Pattern LIQUID_RAW =
            Pattern.compile("\\{%-?\\s*raw\\s*-?%}.*?\\{%-?\\s*endraw\\s*-?%}", Pattern.DOTALL);
    private static final Pattern LIQUID_TAG = Pattern.compile("\\{%-?\\s*([A-Za-z_][\\w-]*)([^%]*?)-?%}");
    private static final Pattern LIQUID_OUTPUT = Pattern.compile("\\{\\{-?\\s*([^}]*?)\\s*-?}}");
    private static final Pattern HUGO_SHORTCODE =
            Pattern.compile("\\{\\{[<%]\\s*(/?)\\s*([\\w./-]+)([^>%]*?)\\s*[>%]}}");
    private static final Pattern QUOTED = Pattern.compile("[\"']([^\"']+)[\"']");
    private static final Pattern MDX_IMPORT =
            Pattern.compile("^(import|export)\\s+.*?(from\\s+['\"][^'\"]+['\"]|=.*)?;?\\s*$");
    private static final Pattern JSX_TAG = Pattern.compile("</?[A-Z][\\w.]*(\\s+[^<>]*?)?/?>");
    private static final Pattern ADMONITION =
            Pattern.compile("^(!!!|\\?\\?\\?\\+?)\\s*([\\w-]+)(?:\\s+\"([^\"]*)\")?\\s*$");
    private static final Pattern HTML_BLOCK_START = Pattern.compile(
            "^\\s{0,3}<(table|div|details|section|aside|figure|dl|ul|ol|p|blockquote|center|form)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_TAG = Pattern.compile(
            "</?(span|a|strong|b|em|i|u|small|sup|sub|abbr|kbd|mark|font|br|img)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BOLD_TAG = Pattern.compile("</?(strong|b)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

    /** Liquid and Jinja tags whose text is the structure of the template, never content. */
    private static final Set<String> SILENT_TAGS = Set.of(
            "if",
            "elsif",
            "else",
            "endif",
            "unless",
            "endunless",
            "for",
            "endfor",
            "case",
            "when",
            "endcase",
            "assign",
            "capture",
            "endcapture",
            "include",
            "include_relative",
            "render",
            "layout",
            "block",
            "endblock",
            "extends",
            "set",
            "macro",
            "endmacro",
            "toc",
            "seo",
            "feed_meta",
            "increment",
            "decrement",
            "cycle",
            "tablerow",
            "endtablerow",
            "break",
            "continue",
            "liquid",
            "echo",
            "highlight",
            "endhighlight");

    private SiteMarkdown() {}

    public static Page read(String markdown) {
        List<String> warnings = new ArrayList<>();
        String title = null;
        String description = null;
        String body = markdown;
        Matcher yaml = YAML_FRONT.matcher(markdown);
        Matcher toml = TOML_FRONT.matcher(markdown);
        if (yaml.find()) {
            Optional<Map<?, ?>> fields = yamlFields(yaml.group(1) == null ? "" : yaml.group(1));
            if (fields.isPresent()) {
                title = string(fields.get().get("title"));
                description = string(fields.get().get("description"));
                body = markdown.substring(yaml.end());
            } else {
                warnings.add("the front matter is not valid YAML; the page is indexed as plain text");
                return new Page(null, null, markdown, warnings);
            }
        } else if (toml.find()) {
            String front = toml.group(1) == null ? "" : toml.group(1);
            Matcher field = TOML_STRING.matcher(front);
            while (field.find()) {
                if (field.group(1).equals("title")) {
                    title = field.group(2).strip();
                } else {
                    description = field.group(2).strip();
                }
            }
            body = markdown.substring(toml.end());
        } else if (markdown.startsWith("---\n") && markdown.indexOf("\n---", 4) < 0) {
            warnings.add("the front matter is not closed by a '---' line; the page is indexed as plain text");
            return new Page(null, null, markdown, warnings);
        }
        return new Page(title, description, clean(body, title), warnings);
    }

    private static Optional<Map<?, ?>> yamlFields(String front) {
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(front);
            if (loaded == null) {
                return Optional.of(Map.of());
            }
            return loaded instanceof Map<?, ?> map ? Optional.of(map) : Optional.empty();
        } catch (YAMLException e) {
            return Optional.empty();
        }
    }

    private static String string(Object value) {
        return value == null || value.toString().isBlank()
                ? null
                : value.toString().strip();
    }

    /** The text with templates and HTML reduced, code left alone. */
    static String clean(String body, String pageTitle) {
        List<String> out = new ArrayList<>();
        List<String> prose = new ArrayList<>();
        boolean inFence = false;
        for (String line : body.split("\n", -1)) {
            boolean fenceLine = FENCE.matcher(line).find();
            if (inFence || fenceLine) {
                if (!inFence) {
                    out.addAll(cleanProse(prose, pageTitle));
                    prose.clear();
                }
                out.add(line);
                if (fenceLine) {
                    inFence = !inFence;
                }
            } else {
                prose.add(line);
            }
        }
        out.addAll(cleanProse(prose, pageTitle));
        return String.join("\n", out).replaceAll("\n{3,}", "\n\n").strip();
    }

    private static List<String> cleanProse(List<String> lines, String pageTitle) {
        if (lines.isEmpty()) {
            return List.of();
        }
        String text = String.join("\n", lines);
        text = HTML_COMMENT.matcher(text).replaceAll("");
        text = LIQUID_COMMENT.matcher(text).replaceAll("");
        text = LIQUID_RAW.matcher(text).replaceAll("");
        text = LIQUID_TAG.matcher(text).replaceAll(m -> Matcher.quoteReplacement(liquidTag(m.group(1), m.group(2))));
        text = HUGO_SHORTCODE
                .matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(
                        m.group(1).isEmpty() && isReference(m.group(2)) ? argument(m.group(3)) : ""));
        text = LIQUID_OUTPUT.matcher(text).replaceAll(m -> Matcher.quoteReplacement(output(m.group(1), pageTitle)));
        List<String> out = new ArrayList<>();
        List<String> split = List.of(text.split("\n", -1));
        for (int i = 0; i < split.size(); i++) {
            String line = split.get(i);
            if (MDX_IMPORT.matcher(line).matches() && !line.isBlank()) {
                continue;
            }
            Matcher admonition = ADMONITION.matcher(line);
            if (admonition.matches()) {
                String label = admonition.group(3) != null ? admonition.group(3) : capitalise(admonition.group(2));
                if (!label.isBlank()) {
                    out.add("**" + label + ":**");
                }
                while (i + 1 < split.size()
                        && (split.get(i + 1).isBlank()
                                || split.get(i + 1).startsWith("    ")
                                || split.get(i + 1).startsWith("\t"))) {
                    i++;
                    String inner = split.get(i);
                    out.add(
                            inner.startsWith("\t")
                                    ? inner.substring(1)
                                    : inner.strip().isEmpty() ? "" : inner.substring(4));
                }
                continue;
            }
            if (HTML_BLOCK_START.matcher(line).find()) {
                int end = htmlBlockEnd(split, i);
                String html = String.join("\n", split.subList(i, end + 1));
                out.add("");
                out.add(HtmlToMarkdown.convert(Jsoup.parseBodyFragment(html).body()));
                out.add("");
                i = end;
                continue;
            }
            line = JSX_TAG.matcher(line).replaceAll("");
            line = BOLD_TAG.matcher(line).replaceAll("**");
            line = INLINE_TAG.matcher(line).replaceAll("");
            out.add(line);
        }
        return out;
    }

    /** The last line of an HTML block: the first blank line after it, as CommonMark ends HTML blocks of this kind. */
    private static int htmlBlockEnd(List<String> lines, int start) {
        String tag = HTML_BLOCK_START
                .matcher(lines.get(start))
                .results()
                .findFirst()
                .orElseThrow()
                .group(1)
                .toLowerCase(Locale.ROOT);
        Pattern close = Pattern.compile("</" + tag + "\\s*>", Pattern.CASE_INSENSITIVE);
        Pattern open = Pattern.compile("<" + tag + "\\b", Pattern.CASE_INSENSITIVE);
        int depth = 0;
        for (int i = start; i < lines.size(); i++) {
            depth += (int) open.matcher(lines.get(i)).results().count();
            depth -= (int) close.matcher(lines.get(i)).results().count();
            if (depth <= 0) {
                return i;
            }
        }
        return lines.size() - 1;
    }

    private static String liquidTag(String name, String arguments) {
        String tag = name.toLowerCase(Locale.ROOT);
        if (SILENT_TAGS.contains(tag) || tag.startsWith("end")) {
            return "";
        }
        String argument = argument(arguments);
        if (argument.isEmpty()) {
            String bare = arguments.strip();
            return tag.equals("link") || tag.equals("post_url") ? bare : "";
        }
        if (tag.contains("slack") || tag.contains("channel")) {
            return "#" + argument.replaceFirst("^#", "");
        }
        if (argument.startsWith("/") || tag.equals("page") || tag.equals("ref") || tag.equals("relref")) {
            return words(argument);
        }
        return argument;
    }

    /** A page path as words: {@code "/travel/booking-a-trip"} reads "booking a trip". */
    private static String words(String path) {
        String[] parts = path.replaceAll("[/#]+$", "").split("/");
        String last = parts.length == 0 ? path : parts[parts.length - 1];
        last = last.replaceFirst("\\.(md|markdown|html?)$", "");
        return last.replace('-', ' ').replace('_', ' ').strip();
    }

    private static String argument(String arguments) {
        Matcher quoted = QUOTED.matcher(arguments == null ? "" : arguments);
        return quoted.find() ? quoted.group(1).strip() : "";
    }

    private static boolean isReference(String shortcode) {
        return shortcode.equals("ref") || shortcode.equals("relref");
    }

    private static String output(String expression, String pageTitle) {
        String variable = expression.split("\\|", 2)[0].strip();
        return variable.equals("page.title") && pageTitle != null ? pageTitle : "";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
