/**
 * The 👍/👎 buttons under answers: what was asked and answered is kept by answer id
 * ({@link io.docent.slack.feedback.AnsweredQuestions}) so that a click can be recorded with it
 * ({@link io.docent.slack.feedback.FeedbackRecorder}) in the JSON-lines feedback log. A record holds only what the
 * voter's message showed: a private answer's text is recorded only when its asker votes.
 */
package io.docent.slack.feedback;
