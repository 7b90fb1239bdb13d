/**
 * The bot: what Docent does with each Teams activity (answer, greet, record a vote, or ignore), and how answers get
 * back to Teams without holding the request: a bounded executor of Docent's own answers, and replies go through
 * the SDK's {@code continueConversation} into the same conversation or channel thread.
 */
package io.docent.teams.bot;
