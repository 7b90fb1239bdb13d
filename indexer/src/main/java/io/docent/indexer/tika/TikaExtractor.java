package io.docent.indexer.tika;

import io.docent.core.DocentException;
import io.docent.indexer.html.HtmlToMarkdown;
import io.docent.indexer.pdf.PdfReflow;
import io.docent.indexer.pdf.PdfText;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Date;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.EmptyParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.ToXMLContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;

/**
 * Text from Office documents, PDFs and mails, through Apache Tika, with the limits bad input needs.
 *
 * <ul>
 *   <li>Tika writes XHTML, which {@link HtmlToMarkdown} turns into the same Markdown-ish text as every other
 *       format: a Word heading stays a heading, an Excel sheet a table under the sheet's name, and each slide of a
 *       deck is opened by a {@code <!--docent:slide=N-->} line. PDFs are read by {@link PdfReflow} instead, page by
 *       page with {@code <!--docent:page=N-->} lines.
 *   <li>A parse runs on its own thread and is abandoned after {@code timeout}: a PDF crafted to loop cannot hold a
 *       sync forever. (Java cannot kill a thread; an abandoned parse is interrupted and runs on as a daemon thread
 *       until the parser notices, at most one per stuck file.)
 *   <li>At most {@code maxChars} characters of text are kept; a longer text is cut and marked {@link
 *       OfficeText#truncated()}, so a spreadsheet of a million rows neither fills memory nor disappears.
 *   <li>Password-protected, empty, corrupt and unsupported files throw {@link DocentException.InvalidInput} with
 *       the reason for the report.
 *   <li>No OCR (images are not text we can cite) and no embedded documents (a mail's attachments, a sheet in a
 *       slide): each would multiply the time and the ways to fail.
 * </ul>
 *
 * <p>Thread-safe; one instance is meant to be shared.
 */
public final class TikaExtractor {

    /** File name extensions read through Tika. */
    public static final Set<String> EXTENSIONS = Set.of(
            "docx", "docm", "doc", "xlsx", "xlsm", "xls", "pptx", "pptm", "ppt", "odt", "ods", "odp", "rtf", "pdf",
            "eml", "msg");

    /** Text beyond this many characters is cut: 5 million. */
    public static final int DEFAULT_MAX_CHARS = 5_000_000;

    private static final ExecutorService PARSERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "docent-tika");
        t.setDaemon(true);
        return t;
    });

    /** How a file is parsed; replaceable in tests, to make a parse that hangs on purpose. */
    @FunctionalInterface
    interface Parse {
        OfficeText apply(byte[] bytes, String fileName) throws Exception;
    }

    private final Duration timeout;
    private final int maxChars;
    private final Parse parser;

    public TikaExtractor(Duration timeout, int maxChars) {
        this(timeout, maxChars, null);
    }

    TikaExtractor(Duration timeout, int maxChars, Parse parser) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be >= 1, was " + maxChars);
        }
        this.timeout = timeout;
        this.maxChars = maxChars;
        this.parser = parser == null ? this::parse : parser;
    }

    /** Whether files with this name are read through Tika. */
    public static boolean handles(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * The text of a file.
     *
     * @throws DocentException.InvalidInput when the file cannot be read, with the reason
     */
    public OfficeText extract(byte[] bytes, String fileName) {
        Future<OfficeText> parse = PARSERS.submit(() -> parser.apply(bytes, fileName));
        try {
            return parse.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            parse.cancel(true);
            throw new DocentException.InvalidInput("took longer than " + timeout.toSeconds() + " s to parse; skipped");
        } catch (InterruptedException e) {
            parse.cancel(true);
            Thread.currentThread().interrupt();
            throw new DocentException("interrupted while parsing " + fileName, e);
        } catch (ExecutionException e) {
            throw new DocentException.InvalidInput(reason(e.getCause(), fileName));
        }
    }

    private OfficeText parse(byte[] bytes, String fileName) throws Exception {
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            return pdf(bytes, fileName);
        }
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        ToXMLContentHandler xhtml = new ToXMLContentHandler();
        WriteOutContentHandler limited = new WriteOutContentHandler(xhtml, maxChars);
        boolean truncated = false;
        try (InputStream in = TikaInputStream.get(bytes)) {
            Holder.PARSER.parse(in, limited, metadata, context(fileName));
        } catch (Exception e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw e;
            }
            truncated = true;
        }
        checkType(metadata.get(Metadata.CONTENT_TYPE), fileName);
        String content = XhtmlText.markdown(xhtml.toString(), fileName);
        return TikaMetadata.toText(metadata, content, fileName, truncated);
    }

    /**
     * PDFs are read with PDFBox directly ({@link PdfReflow}), not through Tika's PDF parser: Tika's XHTML has one
     * paragraph per line and no page numbers, so answers were cut where lines end and citations could not name a
     * page. The same limits apply: this runs on the parse thread under the timeout, and the text is cut at the
     * character limit.
     */
    private OfficeText pdf(byte[] bytes, String fileName) throws Exception {
        if (bytes.length == 0) {
            throw new ZeroByteFileException("no bytes");
        }
        PdfText pdf = PdfReflow.read(bytes, fileName);
        String content = pdf.markdown();
        boolean truncated = content.length() > maxChars;
        if (truncated) {
            content = content.substring(0, maxChars);
        }
        Metadata metadata = new Metadata();
        if (pdf.title() != null) {
            metadata.set(TikaCoreProperties.TITLE, pdf.title());
        }
        if (pdf.author() != null) {
            metadata.set(TikaCoreProperties.CREATOR, pdf.author());
        }
        if (pdf.modified() != null) {
            metadata.set(TikaCoreProperties.MODIFIED, Date.from(pdf.modified()));
        }
        return TikaMetadata.toText(metadata, content, fileName, truncated);
    }

    private static ParseContext context(String fileName) {
        ParseContext context = new ParseContext();
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        // a mail's body and attachments are embedded documents, and they are what a mail says; in other files
        // embedded documents (images, OLE objects) are not parsed. The character limit covers everything.
        context.set(Parser.class, TikaMetadata.isMail(fileName) ? Holder.PARSER : new EmptyParser());
        return context;
    }

    /**
     * Tika detects the type from the bytes. Nothing recognised, or plain text in a file named {@code .xlsx}, means
     * the file is not what its name says: a failure, not an empty or garbled document.
     */
    private static void checkType(String detected, String fileName) {
        String kind = kind(fileName);
        if (detected == null || detected.startsWith("application/octet-stream")) {
            throw new DocentException.InvalidInput("not a readable " + kind + " (unrecognised content); skipped");
        }
        if (detected.startsWith("text/plain") && !TikaMetadata.isMail(fileName)) {
            throw new DocentException.InvalidInput("not a real " + kind + " (the content is plain text); skipped");
        }
    }

    private static String kind(String fileName) {
        return fileName.contains(".")
                ? fileName.substring(fileName.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT)
                : "file";
    }

    /** A failure in words for the admin. */
    static String reason(Throwable e, String fileName) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EncryptedDocumentException || t instanceof InvalidPasswordException) {
                return "password-protected; skipped";
            }
            if (t instanceof ZeroByteFileException) {
                return "empty file; skipped";
            }
        }
        if (e instanceof DocentException.InvalidInput) {
            return e.getMessage();
        }
        String kind = kind(fileName);
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof IOException
                || e.getClass().getName().startsWith("org.apache.tika")
                || e.getClass().getName().startsWith("org.apache.pdfbox")) {
            return "not a readable " + kind + " (corrupt or unsupported): " + firstLine(detail) + "; skipped";
        }
        return "could not be parsed as " + kind + ": " + e.getClass().getSimpleName() + ": " + firstLine(detail)
                + "; skipped";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    /** The parser, built once on first use: loading every Tika parser takes a second. */
    private static final class Holder {
        static final AutoDetectParser PARSER = new AutoDetectParser();
    }
}
