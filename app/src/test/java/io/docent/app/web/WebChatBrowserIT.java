package io.docent.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.docent.app.config.Settings;
import io.docent.app.serve.DocentServer;
import io.docent.core.Answer;
import io.docent.core.AnswerProgress;
import io.docent.core.Answerer;
import io.docent.core.Citation;
import io.docent.core.Question;
import io.docent.core.UserTexts;
import io.docent.core.feedback.AnsweredMessages;
import io.docent.core.feedback.FeedbackRecord;
import io.docent.core.feedback.FeedbackRecorder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web chat in a real browser: Debian's headless Chromium, driven through its chromedriver, against the real
 * embedded default over the sample handbook. Skipped (an assumption, reported as such) where either is missing;
 * {@code .ci/run} installs them. The driver path is set explicitly, so Selenium Manager never runs or downloads.
 */
class WebChatBrowserIT {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("DOCENT_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("DOCENT_CHROMEDRIVER", "/usr/bin/chromedriver"));

    @TempDir
    static Path profile;

    static DocentServer server;
    static WebDriver browser;

    static final boolean BROWSER_INSTALLED = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);

    @BeforeAll
    static void start() {
        if (!BROWSER_INSTALLED) {
            return; // each test reports itself skipped (an assumption failing here would report no tests at all)
        }
        server = SampleStack.serveWebChat();
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        var options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1200,900",
                        "--user-data-dir=" + new File(profile.toFile(), "chromium"));
        browser = new ChromeDriver(service, options);
    }

    @BeforeEach
    void needsTheBrowser() {
        assumeTrue(
                BROWSER_INSTALLED,
                "no browser: install Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    /** Types {@code question}, sends it with Enter, and returns the answer that appears for it, once complete. */
    static WebElement ask(String question) {
        WebElement answer = send(question);
        waiting().until(d -> answer.getAttribute("data-status") != null);
        return answer;
    }

    /** Types {@code question}, sends it with Enter, and returns its answer's place as soon as it appears. */
    static WebElement send(String question) {
        int before = answers().size();
        WebElement box = browser.findElement(By.id("question"));
        box.sendKeys(question);
        box.sendKeys(Keys.ENTER);
        waiting().until(d -> answers().size() > before);
        return answers().get(before);
    }

    static List<WebElement> answers() {
        return browser.findElements(By.cssSelector("#conversation li.turn.answer"));
    }

    @Test
    void asks_follows_up_and_opens_the_sources_view() {
        browser.get("http://127.0.0.1:" + server.port() + "/");
        assertThat(browser.getTitle()).isEqualTo("Docent");

        // a question: a cited answer, its [1] a link to the citation, the citation a link to the source
        WebElement first = ask("How do I get VPN access?");
        assertThat(first.getAttribute("data-status")).isEqualTo("ANSWERED");
        WebElement marker = first.findElement(By.cssSelector(".answer-text a.cite"));
        assertThat(marker.getText()).isEqualTo("[1]");
        WebElement citation = first.findElement(By.cssSelector(".citations li"));
        assertThat(citation.getText()).contains("VPN Access");
        assertThat(citation.findElement(By.tagName("a")).getAttribute("href")).startsWith("file:");
        marker.click();
        assertThat(browser.getCurrentUrl()).endsWith("#" + citation.getAttribute("id"));

        // a follow-up: the page sent the conversation, so the search query carries "VPN" from the first question
        WebElement followUp = ask("and for contractors?");
        assertThat(followUp.getAttribute("data-status")).isEqualTo("ANSWERED");
        assertThat(followUp.findElement(By.className("answer-text")).getText()).containsIgnoringCase("sponsor");

        // the sources view: closed at first, then the query, the timings and the passages with their scores
        WebElement sources = followUp.findElement(By.cssSelector("details.sources"));
        WebElement passages = sources.findElement(By.className("passages"));
        assertThat(passages.isDisplayed()).isFalse();
        sources.findElement(By.tagName("summary")).click();
        waiting().until(ExpectedConditions.visibilityOf(passages));
        assertThat(sources.findElement(By.className("standalone-query")).getText())
                .containsIgnoringCase("vpn")
                .containsIgnoringCase("contractors");
        assertThat(sources.findElement(By.className("timings")).getText())
                .contains("retrieve")
                .contains(" ms");
        List<WebElement> hits = passages.findElements(By.className("passage"));
        assertThat(hits).hasSizeGreaterThan(1);
        assertThat(hits.get(0).findElement(By.className("score")).getText()).matches("score -?\\d+\\.\\d{4}");
        assertThat(hits.get(0).findElement(By.className("text")).getText()).isNotBlank();
    }

    @Test
    void typed_markup_is_shown_as_text_and_new_conversation_starts_over() {
        browser.get("http://127.0.0.1:" + server.port() + "/");
        String markup = "<img src=x id=injected> what is the <b>password</b> policy?";

        ask(markup);

        WebElement conversation = browser.findElement(By.id("conversation"));
        assertThat(conversation.findElements(By.id("injected"))).isEmpty();
        assertThat(conversation.findElements(By.tagName("b"))).isEmpty();
        assertThat(conversation.findElement(By.cssSelector("li.turn.user")).getText())
                .contains(markup);

        browser.findElement(By.id("new-conversation")).click();

        assertThat(browser.findElements(By.cssSelector("#conversation li"))).isEmpty();
        WebElement alone = ask("and for contractors?");
        alone.findElement(By.cssSelector("details.sources summary")).click();
        assertThat(alone.findElement(By.className("standalone-query")).getText())
                .doesNotContainIgnoringCase("password");
    }

    @Test
    void a_streamed_answer_appears_while_written_and_renders_its_markdown_with_markup_shown_as_text() throws Exception {
        CountDownLatch seen = new CountDownLatch(1);
        String written = "To get access:\n\n- open a **request** [1]";
        String done = written + "\n- install the client\n\n| Plan | Days |\n|---|---|\n| Full | 25 |\n\n"
                + "<script>document.title='hacked'</script> [run](javascript:alert(1)) `<b>code</b>`";
        DocentServer stub = DocentServer.bind("127.0.0.1", 0);
        WebChat.from(Settings.of(Map.of())).mount(stub, new Answerer() {
            @Override
            public Answer answer(Question question) {
                return answer(question, AnswerProgress.NONE);
            }

            @Override
            public Answer answer(Question question, AnswerProgress progress) {
                progress.written(written);
                try {
                    // the answer goes on only once the browser has shown what was written so far
                    assertThat(seen.await(60, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new Answer(
                        done,
                        List.of(new Citation(1, "VPN", "https://wiki.example/vpn", "**Open** a request")),
                        Answer.Status.ANSWERED,
                        question.text(),
                        List.of(),
                        Map.of());
            }
        });
        stub.start();
        try {
            browser.get("http://127.0.0.1:" + stub.port() + "/");

            WebElement answer = send("how do I get access?");
            waiting().until(d -> !answer.findElements(By.cssSelector(".answer-text li"))
                    .isEmpty());
            assertThat(answer.getAttribute("data-status")).isNull(); // still being written
            assertThat(answer.findElement(By.cssSelector(".answer-text li strong"))
                            .getText())
                    .isEqualTo("request");
            seen.countDown();
            waiting().until(d -> answer.getAttribute("data-status") != null);

            assertThat(answer.getAttribute("data-status")).isEqualTo("ANSWERED");
            WebElement body = answer.findElement(By.className("answer-text"));
            assertThat(body.findElements(By.cssSelector("ul > li"))).hasSize(2);
            assertThat(body.findElement(By.cssSelector("table td")).getText()).isEqualTo("Full");
            assertThat(body.findElement(By.cssSelector("a.cite")).getText()).isEqualTo("[1]");
            assertThat(body.findElements(By.tagName("script"))).isEmpty();
            assertThat(body.findElements(By.tagName("b"))).isEmpty();
            assertThat(body.getText()).contains("<script>document.title='hacked'</script>", "<b>code</b>", "run");
            assertThat(body.findElements(By.cssSelector("a:not(.cite)"))).isEmpty(); // javascript: is not linked
            assertThat(browser.getTitle()).isEqualTo("Docent");
            assertThat(answer.findElement(By.cssSelector(".citations .snippet")).getText())
                    .isEqualTo("Open a request");
        } finally {
            seen.countDown();
            stub.close();
        }
    }

    @Test
    void the_operator_view_is_announced_and_document_links_show_where_they_go_and_images_never_render() {
        DocentServer stub = DocentServer.bind("127.0.0.1", 0);
        io.docent.app.web.WebChat.from(io.docent.app.config.Settings.of(java.util.Map.of()))
                .mount(
                        stub,
                        q -> new io.docent.core.Answer(
                                "See [https://intranet.example/pay](https://evil.example/phish) and [the form](https://forms.example/a)"
                                        + " and ![logo](https://tracker.example/pixel.png) [1].",
                                List.of(new io.docent.core.Citation(1, "Pay", "https://wiki.example/pay", "pay")),
                                io.docent.core.Answer.Status.ANSWERED,
                                q.text(),
                                List.of(),
                                java.util.Map.of()));
        stub.start();
        try {
            browser.get("http://127.0.0.1:" + stub.port() + "/");
            assertThat(browser.findElement(By.id("access")).getText())
                    .contains("Operator view: all documents, permissions not applied");

            WebElement answer = ask("where is the pay form?");

            List<WebElement> links = answer.findElements(By.cssSelector(".answer-text a:not(.cite)"));
            assertThat(links)
                    .extracting(WebElement::getText)
                    .containsExactly("https://evil.example/phish", "the form", "image: logo");
            assertThat(links.get(0).getAttribute("href")).isEqualTo("https://evil.example/phish");
            assertThat(answer.findElements(By.tagName("img"))).isEmpty();
            assertThat(answer.findElement(By.className("answer-text")).getText())
                    .doesNotContain("https://intranet.example/pay");
        } finally {
            stub.close();
        }
    }

    @Test
    void a_click_on_thumbs_up_records_the_vote_and_thumbs_down_takes_a_comment() {
        List<FeedbackRecord> sink = new CopyOnWriteArrayList<>();
        DocentServer stub = DocentServer.bind("127.0.0.1", 0);
        WebChat.from(Settings.of(Map.of()))
                .mount(
                        stub,
                        WebChatTest::sampleAnswer,
                        new FeedbackRecorder(new AnsweredMessages(), sink::add, Clock.systemUTC()));
        stub.start();
        try {
            browser.get("http://127.0.0.1:" + stub.port() + "/");

            WebElement first = ask("How do I get VPN access?");
            first.findElement(By.cssSelector(".feedback button.up")).click();
            WebElement said = first.findElement(By.className("feedback-status"));
            waiting().until(d -> !said.getText().isEmpty());

            assertThat(said.getText()).isEqualTo(UserTexts.THANKS);
            assertThat(first.findElement(By.cssSelector(".feedback button.up")).isEnabled())
                    .isFalse();
            assertThat(sink).singleElement().satisfies(record -> {
                assertThat(record.platform()).isEqualTo("web");
                assertThat(record.vote()).isEqualTo(FeedbackRecord.Vote.UP);
                assertThat(record.question()).isEqualTo("How do I get VPN access?");
                assertThat(record.sources()).containsExactly("https://wiki.example/vpn");
                assertThat(record.channel()).isEqualTo("web:local");
            });

            WebElement second = ask("and for contractors?");
            second.findElement(By.cssSelector(".feedback button.down")).click();
            WebElement box = second.findElement(By.cssSelector(".feedback-comment textarea"));
            box.sendKeys("<b>Nothing</b> about contractors");
            second.findElement(By.cssSelector(".feedback-comment button")).click();
            WebElement saidToo = second.findElement(By.className("feedback-status"));
            waiting().until(d -> !saidToo.getText().isEmpty());

            assertThat(saidToo.getText()).isEqualTo(UserTexts.THANKS);
            assertThat(sink).hasSize(2);
            assertThat(sink.get(1).vote()).isEqualTo(FeedbackRecord.Vote.DOWN);
            assertThat(sink.get(1).comment()).isEqualTo("<b>Nothing</b> about contractors");
            assertThat(sink.get(1).question()).isEqualTo("and for contractors?");
        } finally {
            stub.close();
        }
    }
}
