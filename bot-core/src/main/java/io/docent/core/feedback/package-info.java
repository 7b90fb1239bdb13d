/**
 * What people think of the answers: a {@link io.docent.core.feedback.FeedbackRecord} per 👍 or 👎 click, written by
 * {@link io.docent.core.feedback.JsonLinesFeedbackLog} as one JSON object a line, so that any chat adapter (Slack,
 * Teams, the web chat) records feedback the same way and one script can read it.
 */
package io.docent.core.feedback;
