/**
 * 👍 / 👎 on Teams answers: remembers recent answers by id (the card carries only the id) and appends each vote to
 * the shared {@link io.docent.core.feedback.JsonLinesFeedbackLog}.
 */
package io.docent.teams.feedback;
