/**
 * 👍 / 👎 on Teams answers: the card's data read into a vote ({@link io.docent.teams.feedback.FeedbackVote}) for the
 * service's {@link io.docent.core.feedback.FeedbackRecorder}, which remembers recent answers by id (the card carries
 * only the id).
 */
package io.docent.teams.feedback;
