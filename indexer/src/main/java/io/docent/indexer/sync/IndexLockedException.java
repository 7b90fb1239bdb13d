package io.docent.indexer.sync;

import io.docent.core.DocentException;

/**
 * Another process holds the index's {@link IndexLock}. Not retriable right away: the holder is usually a long sync
 * or a scheduled {@code docent index --every}; the message names it (pid, host, since when) and says what to do. A
 * command line maps it to exit code 3 ("refused").
 */
public final class IndexLockedException extends DocentException {

    private final String holder;

    public IndexLockedException(String message, String holder) {
        super(message);
        this.holder = holder;
    }

    /** What the lock file says about its holder ({@code pid=123 host=build-7 since=...}), or {@code ""}. */
    public String holder() {
        return holder;
    }
}
