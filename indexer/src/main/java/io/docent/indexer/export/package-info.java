/**
 * What {@code docent index} points at, turned into a reader: {@link io.docent.indexer.export.ExportReaders#detect}
 * takes a folder, a {@code .zip} or an {@code entities.xml}, detects the {@link
 * io.docent.indexer.export.ExportFormat} (or takes the forced one) and returns an {@link
 * io.docent.indexer.export.ExportReader}. Zips are extracted to a temporary folder by a extractor that trusts no
 * header: zip slip, zip bombs and oversized entries are refused and reported.
 */
package io.docent.indexer.export;
