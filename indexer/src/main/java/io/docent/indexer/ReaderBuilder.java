package io.docent.indexer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings every export reader takes (the folder, {@code --base-url}, the file-size cap, the parse timeout, path
 * URLs, whether the source is declared public), validated the same way by each; a reader's builder extends this and adds its own.
 *
 * @param <B> the reader's builder, returned by the setters so they chain with its own
 */
public abstract class ReaderBuilder<B extends ReaderBuilder<B>> {

    /** Files larger than this are skipped with a reason: 50 MB. */
    public static final long DEFAULT_MAX_FILE_BYTES = 50L * 1024 * 1024;

    /** One Office or PDF file may take this long to parse: 60 s. */
    public static final Duration DEFAULT_PARSE_TIMEOUT = Duration.ofSeconds(60);

    private final Path root;
    private String baseUrl;
    private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;
    private Duration parseTimeout = DEFAULT_PARSE_TIMEOUT;
    private boolean pathUrls;
    private boolean publicSource;

    protected ReaderBuilder(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** This builder, typed as the reader's own. */
    protected abstract B self();

    /**
     * Citation URLs of documents without an address of their own are built on this ({@code --base-url}); blank means
     * none. {@code build()} refuses one that is not absolute.
     */
    public B baseUrl(String baseUrl) {
        this.baseUrl = ReaderSettings.baseUrl(baseUrl);
        return self();
    }

    /** Files larger than this are skipped with a reason; default {@link #DEFAULT_MAX_FILE_BYTES}. */
    public B maxFileBytes(long maxFileBytes) {
        this.maxFileBytes = ReaderSettings.positive(maxFileBytes, "maxFileBytes");
        return self();
    }

    /** How long one Office or PDF file may take to parse; default {@link #DEFAULT_PARSE_TIMEOUT}. */
    public B parseTimeout(Duration parseTimeout) {
        this.parseTimeout = ReaderSettings.positive(parseTimeout, "parseTimeout");
        return self();
    }

    /**
     * Without a base URL, cite the path inside the export instead of a {@code file:} URI: for an export read from a
     * temporary copy (an extracted zip), whose files will not be there to open.
     */
    public B pathUrls(boolean pathUrls) {
        this.pathUrls = pathUrls;
        return self();
    }

    /**
     * The admin declares the whole source public ({@code docent index --public}): documents whose export carries no
     * permissions get {@link io.docent.core.AccessGroups#PUBLIC} instead of no groups (administrators only). Documents
     * that do carry permissions keep them; see {@link Permissions}.
     */
    public B publicSource(boolean publicSource) {
        this.publicSource = publicSource;
        return self();
    }

    /** Checks the settings together; a reader's {@code build()} calls this first. */
    protected void validate() {
        ReaderSettings.requireAbsolute(baseUrl);
    }

    public Path root() {
        return root;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    public Duration parseTimeout() {
        return parseTimeout;
    }

    public boolean pathUrls() {
        return pathUrls;
    }

    public boolean publicSource() {
        return publicSource;
    }
}
