/**
 * Docent's Slack adapter: Slack events to {@link io.docent.core.Question}s, {@link io.docent.core.Answer}s to Slack
 * messages in threads. {@link io.docent.slack.SlackAdapter} is the entry point, built from
 * {@link io.docent.slack.SlackSettings}; it receives events over Socket Mode or the Events API (Bolt for both) and
 * hands every question to a bounded pool of workers, so Slack's ack never waits for an answer.
 *
 * <p>Sub-packages: {@code event} (the ack path: triage and duplicates), {@code reply} (answering in the thread, and
 * privately), {@code access} (who asks and who sees the answer), {@code format} (text both ways, Block Kit),
 * {@code web} (the Web API calls), {@code feedback} (the 👍/👎 buttons), {@code scope} (the scope file),
 * {@code http} (the Events API endpoint).
 */
package io.docent.slack;
