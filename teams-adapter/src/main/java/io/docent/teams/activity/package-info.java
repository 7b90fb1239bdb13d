/**
 * Reading Bot Framework activities as Teams sends them: lenient JSON (timestamps with or without fractions of a
 * second), where a message was posted (1:1, group chat, channel thread; tenant, team and channel ids), and the text
 * of a question with the bot's @-mention removed literally.
 */
package io.docent.teams.activity;
