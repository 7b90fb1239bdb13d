package io.docent.indexer.testing;

import io.docent.core.SearchIndex;
import java.nio.file.Path;

/**
 * Opens a durable {@link SearchIndex} in a folder. Implementations are public with a public no-argument
 * constructor, so a child JVM can create one from the class name (see {@code KillNineConvergenceContract}).
 */
public interface SearchIndexFactory {

    SearchIndex open(Path folder);
}
