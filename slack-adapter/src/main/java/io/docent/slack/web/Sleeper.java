package io.docent.slack.web;

import java.time.Duration;

/** Waits; injected so that tests of retries do not sleep. */
@FunctionalInterface
public interface Sleeper {

    /** The real one: {@link Thread#sleep(Duration)}. */
    Sleeper SYSTEM = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;
}
