package io.docent.core.memory;

import io.docent.core.PerPersonLimit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The default {@link PerPersonLimit}: a count per person in this process. A person with nothing in flight takes no
 * memory, so the map holds only those being answered now. Thread-safe.
 */
public final class LocalPerPersonLimit implements PerPersonLimit {

    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    @Override
    public Optional<Permit> tryAcquire(String person, int max) {
        Objects.requireNonNull(person, "person");
        boolean[] admitted = {false};
        inFlight.compute(person, (k, n) -> {
            int open = n == null ? 0 : n;
            admitted[0] = open < max;
            return admitted[0] ? open + 1 : n;
        });
        if (!admitted[0]) {
            return Optional.empty();
        }
        AtomicBoolean released = new AtomicBoolean();
        return Optional.of(() -> {
            if (released.compareAndSet(false, true)) {
                inFlight.computeIfPresent(person, (k, n) -> n <= 1 ? null : n - 1);
            }
        });
    }
}
