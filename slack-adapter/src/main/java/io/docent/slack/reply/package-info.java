/**
 * Answering, off Slack's ack path: a virtual thread per question ({@link io.docent.slack.reply.Workers}) runs
 * {@link io.docent.slack.reply.Replier} per question: a visible sign of work, the thread's history, who asks and
 * where, the core's answer, shown as it is written ({@code LiveAnswer}: Slack's streaming methods,
 * else one message updated) or posted in the thread (or an honest failure with a reference id); then,
 * when the asker could read more than the channel, the fuller answer sent to them alone.
 */
package io.docent.slack.reply;
