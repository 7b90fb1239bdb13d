/**
 * Who asks in Slack and who sees the answer: a Slack user becomes an {@link io.docent.core.Identity}
 * ({@link io.docent.slack.access.Identities}: member, guest, someone from another organisation, or unknown), a
 * conversation becomes an {@link io.docent.core.Audience} ({@link io.docent.slack.access.ChannelAudiences}: private,
 * a channel of the organisation's own people, one with guests, one shared with another organisation). Both fail
 * closed: what cannot be found out counts as the least.
 */
package io.docent.slack.access;
