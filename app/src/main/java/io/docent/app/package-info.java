/**
 * The one runnable: the {@code docent} command line ({@link io.docent.app.Main}), configuration, and the wiring of
 * every module ({@link io.docent.app.DocentStack}). Only this module knows all the others.
 */
package io.docent.app;
