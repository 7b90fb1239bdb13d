/**
 * The 👍/👎 buttons under answers: what was asked and answered is kept by answer id
 * ({@link io.docent.slack.feedback.AnsweredQuestions}) so that a click can be recorded with it
 * ({@link io.docent.slack.feedback.FeedbackRecorder}) in the JSON-lines feedback log.
 */
package io.docent.slack.feedback;
