package io.docent.indexer.export;

import io.docent.indexer.DocumentReader;
import java.util.Objects;

/**
 * A {@link DocumentReader} for one export, with the format it was detected (or forced) to have, so the command line
 * can say what it is reading. Built by {@link ExportReaders#detect}.
 */
public final class ExportReader implements DocumentReader {

    private final ExportFormat format;
    private final DocumentReader delegate;

    ExportReader(ExportFormat format, DocumentReader delegate) {
        this.format = Objects.requireNonNull(format, "format");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The export's format, detected or forced. */
    public ExportFormat format() {
        return format;
    }

    @Override
    public String location() {
        return delegate.location();
    }

    @Override
    public void read(String source, Sink sink) {
        delegate.read(source, sink);
    }

    @Override
    public String toString() {
        return format.id() + " export at " + location();
    }
}
