package io.docent.indexer.sync;

import java.nio.file.Path;
import java.time.Clock;

/** Test helper run in a child JVM: takes the index lock of {@code args[0]}, says so, and holds it until killed. */
public final class LockHolderMain {

    private LockHolderMain() {}

    public static void main(String[] args) throws Exception {
        IndexLock lock = IndexLock.acquire(Path.of(args[0]), "docent index --source child", Clock.systemUTC());
        System.out.println("LOCKED " + lock.file());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
