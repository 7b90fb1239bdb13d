/**
 * The embedded default answer generator: {@link io.docent.core.extractive.ExtractiveGenerator} answers without a
 * language model by quoting the sentences, list items and table rows of the retrieved sources that best match the
 * standalone query, each cited with its source's {@code [n]} marker. Used when no chat model is configured.
 */
package io.docent.core.extractive;
