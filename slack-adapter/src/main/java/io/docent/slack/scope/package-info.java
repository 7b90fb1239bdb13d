/**
 * Which documents a Slack conversation may search and which access groups the admin grants it: the scope file
 * (shared with Teams), channel IDs to sources, spaces and {@code accessGroups}.
 */
package io.docent.slack.scope;
