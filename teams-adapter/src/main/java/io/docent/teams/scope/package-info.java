/**
 * What a Teams conversation may search: the shared scope file ({@code DOCENT_SCOPE_FILE}, also read by the Slack
 * adapter), keyed by Teams channel and team ids, with a default for chats. See {@code docs/teams.md}.
 */
package io.docent.teams.scope;
