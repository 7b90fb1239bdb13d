/**
 * Text both ways: {@link io.docent.slack.format.SlackMarkup} turns a Slack message into plain text for the core
 * (mentions resolved, links and entities unescaped); {@link io.docent.slack.format.Mrkdwn} turns the core's
 * Markdown into Slack's mrkdwn; {@link io.docent.slack.format.AnswerMessage} lays an answer out as Block Kit blocks
 * within Slack's limits, with its sources and feedback buttons.
 */
package io.docent.slack.format;
