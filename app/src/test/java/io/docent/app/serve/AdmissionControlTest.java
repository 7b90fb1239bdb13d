package io.docent.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.Answer;
import io.docent.core.Answerer;
import io.docent.core.Asker;
import io.docent.core.Audience;
import io.docent.core.Identity;
import io.docent.core.Question;
import io.docent.core.UserTexts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class AdmissionControlTest {

    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static Answer answered(String text) {
        return new Answer(text, List.of(), Answer.Status.ANSWERED, text, List.of(), null);
    }

    @Test
    void answers_beyond_the_limit_are_told_busy_and_the_rest_are_answered() throws Exception {
        var release = new CountDownLatch(1);
        var running = new AtomicInteger();
        var maxRunning = new AtomicInteger();
        Answerer slow = q -> {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return answered("ok");
        };
        var service = new AdmissionControl(() -> slow, 3, Duration.ofMillis(50));
        Answerer web = service.forPlatform("web");
        List<Future<Answer>> futures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            futures.add(pool.submit(() -> web.answer(Question.of("q"))));
        }
        // the seven that find no permit within 50 ms come back busy while three are held
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (futures.stream().filter(Future::isDone).count() < 7 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long busy = 0;
        release.countDown();
        int answeredCount = 0;
        for (Future<Answer> f : futures) {
            Answer a = f.get(5, TimeUnit.SECONDS);
            if (a.status() == Answer.Status.BUSY) {
                busy++;
                assertThat(a.text()).isEqualTo("Docent is busy right now; please ask again in a minute.");
            } else {
                answeredCount++;
            }
        }
        assertThat(maxRunning.get()).isEqualTo(3);
        assertThat(answeredCount).isEqualTo(3);
        assertThat(busy).isEqualTo(7);
        assertThat(service.inFlight()).isZero();
    }

    @Test
    void an_exception_becomes_a_failed_answer_and_frees_the_permit() {
        var service = new AdmissionControl(
                () -> q -> {
                    throw new IllegalStateException("boom");
                },
                1,
                Duration.ofMillis(10));
        Answer a = service.forPlatform("slack").answer(Question.of("q"));
        assertThat(a.status()).isEqualTo(Answer.Status.FAILED);
        assertThat(a.text()).doesNotContain("boom");
        assertThat(service.inFlight()).isZero();
        assertThat(service.forPlatform("slack").answer(Question.of("q")).status())
                .isEqualTo(Answer.Status.FAILED);
    }

    @Test
    void the_correlation_id_and_platform_are_in_the_mdc_while_answering_only() {
        var seen = new AtomicReference<String>();
        var platform = new AtomicReference<String>();
        var ids = new AtomicInteger();
        var service = new AdmissionControl(
                () -> q -> {
                    seen.set(MDC.get(AdmissionControl.MDC_CORRELATION_ID));
                    platform.set(MDC.get(AdmissionControl.MDC_PLATFORM));
                    return answered("ok");
                },
                new AdmissionControl.Limits(2, AdmissionControl.DEFAULT_MAX_WAITING, Duration.ofMillis(10), 2),
                () -> "id-" + ids.incrementAndGet());
        service.forPlatform("teams").answer(Question.of("q"));
        assertThat(seen.get()).isEqualTo("id-1");
        assertThat(platform.get()).isEqualTo("teams");
        assertThat(MDC.get(AdmissionControl.MDC_CORRELATION_ID)).isNull();
        service.forPlatform("teams").answer(Question.of("q"));
        assertThat(seen.get()).isEqualTo("id-2");

        MDC.put(AdmissionControl.MDC_CORRELATION_ID, "callers-own");
        try {
            service.forPlatform("web").answer(Question.of("q"));
            assertThat(seen.get()).isEqualTo("callers-own");
            assertThat(MDC.get(AdmissionControl.MDC_CORRELATION_ID)).isEqualTo("callers-own");
        } finally {
            MDC.remove(AdmissionControl.MDC_CORRELATION_ID);
        }
    }

    @Test
    void shutdown_refuses_new_questions_and_waits_for_those_in_flight() throws Exception {
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var service = new AdmissionControl(
                () -> q -> {
                    started.countDown();
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return answered("finished");
                },
                4,
                Duration.ofMillis(10));
        Future<Answer> inFlight = pool.submit(() -> service.forPlatform("web").answer(Question.of("q")));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        Future<Boolean> shutdown = pool.submit(() -> service.shutdown(Duration.ofSeconds(5)));
        Thread.sleep(100);
        assertThat(shutdown).isNotDone();
        assertThat(service.forPlatform("web").answer(Question.of("later")).status())
                .isEqualTo(Answer.Status.BUSY);
        release.countDown();
        assertThat(shutdown.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(inFlight.get().text()).isEqualTo("finished");
    }

    @Test
    void shutdown_gives_up_after_its_grace() {
        var release = new CountDownLatch(1);
        var service = new AdmissionControl(
                () -> q -> {
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return answered("late");
                },
                1,
                Duration.ofMillis(10));
        pool.submit(() -> service.forPlatform("web").answer(Question.of("q")));
        while (service.inFlight() == 0) {
            Thread.onSpinWait();
        }
        long start = System.nanoTime();
        assertThat(service.shutdown(Duration.ofMillis(200))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        release.countDown();
    }

    private static Question from(String user, String text) {
        var identity = Identity.member("slack", user, "T1", user.toLowerCase(java.util.Locale.ROOT) + "@example.com");
        return new Question(text, List.of(), io.docent.core.Scope.ALL, new Asker(identity, Audience.PRIVATE));
    }

    @Test
    void one_person_cannot_make_docent_busy_for_everyone() throws Exception {
        var release = new CountDownLatch(1);
        var started = new CountDownLatch(2);
        var service = new AdmissionControl(
                () -> q -> {
                    started.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return answered("ok");
                },
                new AdmissionControl.Limits(8, 10, Duration.ofMillis(50), 2));
        Answerer slack = service.forPlatform("slack");
        Future<Answer> first = pool.submit(() -> slack.answer(from("U1", "one")));
        Future<Answer> second = pool.submit(() -> slack.answer(from("U1", "two")));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        Answer third = slack.answer(from("U1", "three"));
        Future<Answer> someoneElse = pool.submit(() -> slack.answer(from("U2", "mine")));
        Thread.sleep(100); // U2's question is running, not refused
        release.countDown();

        assertThat(third.status()).isEqualTo(Answer.Status.BUSY);
        assertThat(third.text()).isEqualTo(UserTexts.ONE_AT_A_TIME);
        assertThat(someoneElse.get(10, TimeUnit.SECONDS).status()).isEqualTo(Answer.Status.ANSWERED);
        assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(Answer.Status.ANSWERED);
        assertThat(second.get(10, TimeUnit.SECONDS).status()).isEqualTo(Answer.Status.ANSWERED);
        assertThat(slack.answer(from("U1", "four")).status()).isEqualTo(Answer.Status.ANSWERED); // counted down again
    }

    @Test
    void the_per_person_count_is_the_given_one_shared_by_replicas_and_a_count_out_of_reach_admits() {
        var shared = new io.docent.core.memory.LocalPerPersonLimit();
        var replicaA = new AdmissionControl(
                () -> q -> answered("ok"), new AdmissionControl.Limits(2, 10, Duration.ofMillis(10), 1), shared);
        var replicaB = new AdmissionControl(
                () -> q -> answered("ok"), new AdmissionControl.Limits(2, 10, Duration.ofMillis(10), 1), shared);
        var held = shared.tryAcquire("slack\u0000T1\u0000U1", 1); // U1's question in flight on replica A
        assertThat(held).isPresent();

        assertThat(replicaB.forPlatform("slack").answer(from("U1", "again")).status())
                .isEqualTo(Answer.Status.BUSY);
        held.get().release();
        assertThat(replicaA.forPlatform("slack").answer(from("U1", "again")).status())
                .isEqualTo(Answer.Status.ANSWERED);

        var unreachable = new AdmissionControl(
                () -> q -> answered("ok"),
                new AdmissionControl.Limits(2, 10, Duration.ofMillis(10), 1),
                (person, max) -> {
                    throw new io.docent.core.DocentException.Retriable("Redis at redis://cache:6379 failed", null);
                });
        assertThat(unreachable.forPlatform("slack").answer(from("U1", "still")).status())
                .isEqualTo(Answer.Status.ANSWERED);
    }

    @Test
    void people_without_a_user_id_and_the_administrator_are_not_limited_per_person() {
        var service = new AdmissionControl(
                () -> q -> answered("ok"), new AdmissionControl.Limits(2, 10, Duration.ofMillis(10), 1));
        assertThat(service.forPlatform("web").answer(Question.of("anonymous")).status())
                .isEqualTo(Answer.Status.ANSWERED);
        assertThat(service.forPlatform("cli")
                        .answer(new Question("admin", List.of(), io.docent.core.Scope.ALL, Asker.ADMINISTRATOR))
                        .status())
                .isEqualTo(Answer.Status.ANSWERED);
    }

    @Test
    void a_burst_waits_in_line_and_beyond_the_line_is_told_docent_is_busy() throws Exception {
        var release = new CountDownLatch(1);
        var service = new AdmissionControl(
                () -> q -> {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return answered("ok");
                },
                new AdmissionControl.Limits(1, 2, Duration.ofSeconds(10), 10));
        Answerer web = service.forPlatform("web");
        Future<Answer> running = pool.submit(() -> web.answer(Question.of("running")));
        while (service.inFlight() < 1) {
            Thread.sleep(5);
        }
        Future<Answer> firstInLine = pool.submit(() -> web.answer(Question.of("first in line")));
        Future<Answer> secondInLine = pool.submit(() -> web.answer(Question.of("second in line")));
        while (service.waiting() < 2) {
            Thread.sleep(5);
        }

        Answer beyond = web.answer(Question.of("beyond the line"));
        release.countDown();

        assertThat(beyond.status()).isEqualTo(Answer.Status.BUSY);
        assertThat(beyond.text()).isEqualTo(UserTexts.BUSY);
        assertThat(running.get(10, TimeUnit.SECONDS).status()).isEqualTo(Answer.Status.ANSWERED);
        assertThat(firstInLine.get(10, TimeUnit.SECONDS).status()).isEqualTo(Answer.Status.ANSWERED);
        assertThat(secondInLine.get(10, TimeUnit.SECONDS).status()).isEqualTo(Answer.Status.ANSWERED);
        assertThat(service.waiting()).isZero();
    }
}
