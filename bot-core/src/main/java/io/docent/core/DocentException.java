package io.docent.core;

/**
 * The root of every exception Docent throws on purpose. Unchecked; callers decide by {@link #isRetriable()} whether
 * trying again later can help (a rate limit, a timeout, a busy service) or not (bad input, bad credentials, a
 * corrupt index). The message is written for the person who has to fix it and never contains a secret.
 */
public class DocentException extends RuntimeException {

    private final boolean retriable;

    public DocentException(String message) {
        this(message, null, false);
    }

    public DocentException(String message, Throwable cause) {
        this(message, cause, false);
    }

    protected DocentException(String message, Throwable cause, boolean retriable) {
        super(message, cause);
        this.retriable = retriable;
    }

    /** Whether the same call may succeed if repeated later, unchanged. */
    public boolean isRetriable() {
        return retriable;
    }

    /** A call that may succeed later: back off and try again. */
    public static class Retriable extends DocentException {
        public Retriable(String message, Throwable cause) {
            super(message, cause, true);
        }
    }

    /** A remote service asked us to slow down; {@link #retryAfterMillis()} says for how long, or -1 if it did not. */
    public static final class RateLimited extends Retriable {
        private final long retryAfterMillis;

        public RateLimited(String message, long retryAfterMillis, Throwable cause) {
            super(message, cause);
            this.retryAfterMillis = retryAfterMillis;
        }

        public long retryAfterMillis() {
            return retryAfterMillis;
        }
    }

    /** A call ran out of time; it may succeed later. */
    public static final class TimedOut extends Retriable {
        public TimedOut(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Credentials were missing or refused. Fix the configuration; retrying will not help. */
    public static final class AuthenticationFailed extends DocentException {
        public AuthenticationFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The caller's input cannot be processed as given. Fix the input; retrying will not help. */
    public static final class InvalidInput extends DocentException {
        public InvalidInput(String message) {
            super(message);
        }
    }

    /**
     * The search index cannot be used: locked by another process, corrupt, or built with another embedding model.
     * The message says which path and how to recover (usually: stop the other process, or rebuild the index).
     */
    public static final class IndexUnavailable extends DocentException {
        public IndexUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
