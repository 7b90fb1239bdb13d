/**
 * Who may call {@code /api/messages}: the Bot Framework's JWT on every request, checked with the SDK's token
 * validator (signature against the published signing keys, lifetime, channel endorsements) plus the claims checks
 * Docent insists on (issuer, audience, service URL, tenant), each failure a 401 and never an exception that
 * escapes as a 500.
 */
package io.docent.teams.auth;
