/**
 * What a Teams conversation may search and what the admin grants it: the shared scope file
 * ({@code DOCENT_SCOPE_FILE}, also read by the Slack adapter), keyed by the ids of the Teams channel the answer goes to
 * and of its team, with a default for chats. Grants ({@code accessGroups}) become the audience's granted groups; a
 * {@link io.docent.core.Scope} here never carries access groups. See {@code docs/teams.md}.
 */
package io.docent.teams.scope;
