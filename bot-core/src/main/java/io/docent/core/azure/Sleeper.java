package io.docent.core.azure;

import java.time.Duration;

/** Waits between retries. Injected so tests can record the waits instead of sleeping through them. */
@FunctionalInterface
public interface Sleeper {

    /** The real thing: {@link Thread#sleep}. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
