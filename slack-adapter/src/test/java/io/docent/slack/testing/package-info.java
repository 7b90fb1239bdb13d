/**
 * Slack's side, on 127.0.0.1, for the adapter's tests: the Web API ({@link io.docent.slack.testing.LocalSlackApi}),
 * the Socket Mode WebSocket server, signed Events API requests, payloads shaped like Slack's, and a canned core.
 */
package io.docent.slack.testing;
