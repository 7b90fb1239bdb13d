/**
 * Who may see what. {@link io.docent.core.access.AccessPolicy} turns an asker (identity and audience) into the access
 * groups a search may use, with the groups from a {@link io.docent.core.Directory}: the directory file
 * ({@link io.docent.core.access.DirectoryFile}) or Microsoft Graph, behind a cache
 * ({@link io.docent.core.access.CachingDirectory}).
 */
package io.docent.core.access;
