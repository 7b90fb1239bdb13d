package io.docent.core;

import java.time.Duration;

/**
 * Waits for a while: the port behind every retry's back-off (Azure's retrier and index provisioning, Slack's rate
 * limit retry). Injected so tests record the waits instead of sleeping through them; one type for all of them, since
 * the contract is the same everywhere.
 */
@FunctionalInterface
public interface Sleeper {

    /** The real thing: {@link Thread#sleep(Duration)}. */
    Sleeper SYSTEM = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;
}
