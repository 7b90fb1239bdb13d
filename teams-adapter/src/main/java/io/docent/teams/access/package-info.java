/**
 * Who asks in Teams and who will see the answer: the asker's identity (Entra object id, tenant, email, guest or
 * external) and the conversation's audience (a 1:1 chat, or a channel or group chat with or without guests and people
 * of other tenants), from the Bot Connector's member lists, cached. The access policy in the core turns them into
 * what the answer may draw on; this package only tells the truth about the conversation, and less when unsure.
 */
package io.docent.teams.access;
