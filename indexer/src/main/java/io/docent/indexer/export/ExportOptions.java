package io.docent.indexer.export;

import io.docent.indexer.ReaderBuilder;
import io.docent.indexer.ReaderSettings;
import io.docent.indexer.confluence.ConfluenceXmlReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link ExportReaders} reads an export: the format (detected when not forced), the citation base URL, whether the
 * admin declares the source public, and the limits that keep bad input from costing more than itself (file size, zip
 * bombs, slow parsers). Built with {@link
 * #builder()}; every setting has a default, so {@code ExportOptions.defaults()} reads any export.
 */
public final class ExportOptions {

    /** Files larger than this are skipped with a reason: 50 MB. */
    public static final long DEFAULT_MAX_FILE_BYTES = ReaderBuilder.DEFAULT_MAX_FILE_BYTES;

    /** A zip may expand to at most this much in all: 20 GB. */
    public static final long DEFAULT_MAX_ZIP_BYTES = 20L * 1024 * 1024 * 1024;

    /** A zip entry may expand to at most this many times its compressed size (checked past 1 MB): 100. */
    public static final int DEFAULT_MAX_COMPRESSION_RATIO = 100;

    /** A zip may hold at most this many entries: 1,000,000. */
    public static final int DEFAULT_MAX_ZIP_ENTRIES = 1_000_000;

    /** One Office or PDF file may take this long to parse: 60 s. */
    public static final Duration DEFAULT_PARSE_TIMEOUT = ReaderBuilder.DEFAULT_PARSE_TIMEOUT;

    /** A Confluence {@code entities.xml} may be at most this large, on disk or extracted from a zip: 8 GB. */
    public static final long DEFAULT_MAX_ENTITIES_BYTES = ConfluenceXmlReader.DEFAULT_MAX_ENTITIES_BYTES;

    private final ExportFormat format;
    private final String baseUrl;
    private final long maxFileBytes;
    private final long maxZipBytes;
    private final int maxCompressionRatio;
    private final int maxZipEntries;
    private final Duration parseTimeout;
    private final long maxEntitiesBytes;
    private final boolean publicSource;
    private final Clock clock;
    private final Path tempDir;

    private ExportOptions(Builder b) {
        this.format = b.format;
        this.baseUrl = b.baseUrl;
        this.maxFileBytes = b.maxFileBytes;
        this.maxZipBytes = b.maxZipBytes;
        this.maxCompressionRatio = b.maxCompressionRatio;
        this.maxZipEntries = b.maxZipEntries;
        this.parseTimeout = b.parseTimeout;
        this.maxEntitiesBytes = b.maxEntitiesBytes;
        this.publicSource = b.publicSource;
        this.clock = b.clock;
        this.tempDir = b.tempDir;
    }

    public static ExportOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The forced format ({@code --format}), or {@code null} to detect it. */
    public ExportFormat format() {
        return format;
    }

    /** The base URL for citations ({@code --base-url}), or {@code null}. */
    public String baseUrl() {
        return baseUrl;
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    public long maxZipBytes() {
        return maxZipBytes;
    }

    public int maxCompressionRatio() {
        return maxCompressionRatio;
    }

    public int maxZipEntries() {
        return maxZipEntries;
    }

    public Duration parseTimeout() {
        return parseTimeout;
    }

    /** The size cap of a Confluence {@code entities.xml}, which is streamed and so exempt from the per-file cap. */
    public long maxEntitiesBytes() {
        return maxEntitiesBytes;
    }

    /** Whether the admin declared the source public ({@code --public}); see {@link io.docent.indexer.Permissions}. */
    public boolean publicSource() {
        return publicSource;
    }

    /** The clock that decides whether a sharing link has expired. */
    public Clock clock() {
        return clock;
    }

    /** Where a zip is extracted while it is read, or {@code null} for the system's temporary folder. */
    public Path tempDir() {
        return tempDir;
    }

    /** Settings of {@link ExportOptions}; see the {@code DEFAULT_*} constants. */
    public static final class Builder {
        private ExportFormat format;
        private String baseUrl;
        private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;
        private long maxZipBytes = DEFAULT_MAX_ZIP_BYTES;
        private int maxCompressionRatio = DEFAULT_MAX_COMPRESSION_RATIO;
        private int maxZipEntries = DEFAULT_MAX_ZIP_ENTRIES;
        private Duration parseTimeout = DEFAULT_PARSE_TIMEOUT;
        private long maxEntitiesBytes = DEFAULT_MAX_ENTITIES_BYTES;
        private boolean publicSource;
        private Clock clock = Clock.systemUTC();
        private Path tempDir;

        private Builder() {}

        /** Forces the format instead of detecting it; {@code null} detects. */
        public Builder format(ExportFormat format) {
            this.format = format;
            return this;
        }

        /** Forces the format by its command-line name ({@code --format confluence-xml}); blank detects. */
        public Builder format(String id) {
            this.format = id == null || id.isBlank() ? null : ExportFormat.parse(id);
            return this;
        }

        /** Citation URLs are built on this ({@code --base-url}), where the export has none of its own. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = ReaderSettings.baseUrl(baseUrl);
            return this;
        }

        public Builder maxFileBytes(long bytes) {
            this.maxFileBytes = ReaderSettings.positive(bytes, "maxFileBytes");
            return this;
        }

        public Builder maxZipBytes(long bytes) {
            this.maxZipBytes = ReaderSettings.positive(bytes, "maxZipBytes");
            return this;
        }

        public Builder maxCompressionRatio(int ratio) {
            this.maxCompressionRatio = (int) ReaderSettings.positive(ratio, "maxCompressionRatio");
            return this;
        }

        public Builder maxZipEntries(int entries) {
            this.maxZipEntries = (int) ReaderSettings.positive(entries, "maxZipEntries");
            return this;
        }

        public Builder parseTimeout(Duration timeout) {
            this.parseTimeout = ReaderSettings.positive(timeout, "parseTimeout");
            return this;
        }

        /** The size cap of a Confluence {@code entities.xml}; default {@link #DEFAULT_MAX_ENTITIES_BYTES}. */
        public Builder maxEntitiesBytes(long bytes) {
            this.maxEntitiesBytes = ReaderSettings.positive(bytes, "maxEntitiesBytes");
            return this;
        }

        /**
         * The admin declares the whole source public ({@code docent index --public}): documents whose export carries
         * no permissions are readable by everyone; documents that carry permissions keep them.
         */
        public Builder publicSource(boolean publicSource) {
            this.publicSource = publicSource;
            return this;
        }

        /** The clock that decides whether a SharePoint sharing link has expired; default the system's, in UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder tempDir(Path tempDir) {
            this.tempDir = tempDir;
            return this;
        }

        public ExportOptions build() {
            ReaderSettings.requireAbsolute(baseUrl);
            return new ExportOptions(this);
        }
    }

    @Override
    public String toString() {
        return "ExportOptions[format=" + Objects.requireNonNullElse(format, "detect") + ", baseUrl=" + baseUrl
                + ", public=" + publicSource + "]";
    }
}
