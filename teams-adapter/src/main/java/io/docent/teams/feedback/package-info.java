/**
 * 👍 / 👎 on Teams answers: a click on Teams' own feedback buttons (or on the card buttons of earlier answers) read
 * into a vote ({@link io.docent.teams.feedback.FeedbackVote}) for the service's {@link
 * io.docent.core.feedback.FeedbackRecorder}, which remembers recent answers by the key the click names.
 */
package io.docent.teams.feedback;
