/**
 * SharePoint exports in the layout of {@code docs/indexing.md}: document libraries as folder trees with Microsoft
 * Graph driveItem JSON beside each file (URL, dates, authors, permissions as access groups), and modern site pages
 * as Graph sitePage JSON with their canvas layout. {@link io.docent.indexer.sharepoint.SharePointReader} reads them.
 */
package io.docent.indexer.sharepoint;
