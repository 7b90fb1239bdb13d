package io.docent.indexer.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.indexer.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class IndexLockTest {

    @TempDir
    Path index;

    @Test
    void a_second_holder_in_the_same_process_is_refused_with_the_holder_named() {
        try (IndexLock first = IndexLock.acquire(index, "docent index --source wiki", Clock.systemUTC())) {
            assertThatThrownBy(() -> IndexLock.acquire(index, "docent index --source hr", Clock.systemUTC()))
                    .isInstanceOf(IndexLockedException.class)
                    .hasMessageContaining("is in use by another Docent process (pid="
                            + ProcessHandle.current().pid())
                    .hasMessageContaining("command=docent index --source wiki")
                    .hasMessageContaining("wait for it to finish");
        }
    }

    @Test
    void closing_releases_the_lock_but_keeps_the_file() throws Exception {
        IndexLock.acquire(index, "first", Clock.systemUTC()).close();

        try (IndexLock again = IndexLock.acquire(index, "second", Clock.systemUTC())) {
            assertThat(Files.readString(again.file())).contains("command=second");
        }
        assertThat(index.resolve(IndexLock.FILE_NAME)).exists();
    }

    @Test
    @Timeout(60)
    void another_process_holding_the_lock_is_named_and_a_kill_9_releases_it() throws Exception {
        try (ChildJvm child = ChildJvm.start(LockHolderMain.class, index.toString())) {
            child.awaitLine("LOCKED");

            assertThatThrownBy(() -> IndexLock.acquire(index, "docent index", Clock.systemUTC()))
                    .isInstanceOf(IndexLockedException.class)
                    .satisfies(e -> assertThat(((IndexLockedException) e).holder())
                            .contains("pid=" + child.pid(), "command=docent index --source child"));

            child.kill9();

            try (IndexLock lock = IndexLock.acquire(index, "after the crash", Clock.systemUTC())) {
                assertThat(Files.readString(lock.file()))
                        .contains("pid=" + ProcessHandle.current().pid());
            }
        }
    }
}
