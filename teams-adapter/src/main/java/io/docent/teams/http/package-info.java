/**
 * The {@code POST /api/messages} boundary: body to activity, authentication (401), tenant allow-list (403),
 * duplicate deliveries (answered once), then one SDK turn, with one catch-all that logs a reference and returns no
 * details.
 */
package io.docent.teams.http;
