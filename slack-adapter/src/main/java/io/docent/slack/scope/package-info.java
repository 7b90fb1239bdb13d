/** Which documents a Slack conversation may search: the scope file, channel IDs to sources and spaces. */
package io.docent.slack.scope;
