/**
 * Docent in Microsoft Teams: {@link io.docent.teams.TeamsAdapter} turns Bot Framework activities posted to
 * {@code /api/messages} into {@link io.docent.core.Question}s and {@link io.docent.core.Answer}s into Teams
 * messages, with the Bot Framework SDK for Java (botbuilder-java 4.14, retired by Microsoft) kept behind it, where
 * it could be replaced. Configuration is {@link io.docent.teams.TeamsSettings}.
 */
package io.docent.teams;
