/**
 * Deciding, on Slack's ack path and without network calls, what to do with an event: answer it, help, check whether
 * it follows up one of Docent's threads, or ignore it; and dropping duplicate deliveries.
 */
package io.docent.slack.event;
