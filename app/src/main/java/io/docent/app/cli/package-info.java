/** The {@code docent} subcommands, one class each, and their shared output helpers. */
package io.docent.app.cli;
