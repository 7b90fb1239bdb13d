/**
 * The web chat of {@code docent serve}: one page at {@code /} (HTML, CSS and plain JavaScript bundled as resources,
 * nothing fetched from elsewhere) and its JSON API {@code POST /api/chat} (and {@code POST /api/feedback} for 👍/👎 on
 * its answers), for employees asking questions and for an
 * admin checking what the index retrieves. Access is decided per request by {@link io.docent.app.web.WebAccess}:
 * loopback clients, a shared secret, or Entra ID sign-in done by Azure Container Apps' built-in authentication.
 */
package io.docent.app.web;
