/**
 * The 👍/👎 buttons under answers: a click ({@link io.docent.slack.feedback.FeedbackClicks}) is recorded by the
 * service's {@link io.docent.core.feedback.FeedbackRecorder}, which remembers what each answer message showed. A
 * record holds only what the voter's message showed: a private answer's text is recorded only when its asker votes.
 */
package io.docent.slack.feedback;
