/** WordNet behind the {@link io.docent.core.pipeline.Synonyms} port: the relevance gate's synonyms, offline. */
package io.docent.core.wordnet;
