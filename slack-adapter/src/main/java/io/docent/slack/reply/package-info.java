/**
 * Answering, off Slack's ack path: a bounded pool of workers ({@link io.docent.slack.reply.WorkQueue}) runs one
 * {@link io.docent.slack.reply.Reply} per question: a visible sign of work, the thread's history, the core's answer,
 * and the answer posted in the thread, or an honest failure with a reference id.
 */
package io.docent.slack.reply;
