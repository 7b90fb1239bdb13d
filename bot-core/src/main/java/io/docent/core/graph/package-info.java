/** Microsoft Graph as Docent's {@link io.docent.core.Directory}: who is in which Entra group. */
package io.docent.core.graph;
