/**
 * Docent's side of the Slack Web API: {@link io.docent.slack.web.SlackWeb} names the few methods Docent calls on
 * Bolt's {@code MethodsClient}, each call retried after Slack's {@code Retry-After} when rate-limited
 * ({@link io.docent.slack.web.RateLimitRetry}); {@link io.docent.slack.web.UserDirectory} caches who people are
 * ({@link io.docent.slack.web.SlackUser}: name, team, email, guest or not).
 * A Slack {@code ok:false} is a result the caller looks at, not an exception.
 */
package io.docent.slack.web;
