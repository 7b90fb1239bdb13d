/**
 * The bot: what Docent does with each Teams activity (answer, greet, record a vote, or ignore), and how answers get
 * back to Teams without holding the request: Docent's own executor of answers, each delivered streamed (a 1:1 chat)
 * or as one message, through the SDK's {@code continueConversation} into the same conversation or channel thread.
 */
package io.docent.teams.bot;
