/**
 * What people think of Docent's answers: the 👍 / 👎 votes the chat adapters collect, as {@link
 * io.docent.core.feedback.FeedbackRecord}s appended to a {@link io.docent.core.feedback.JsonLinesFeedbackLog} that
 * every platform shares.
 */
package io.docent.core.feedback;
