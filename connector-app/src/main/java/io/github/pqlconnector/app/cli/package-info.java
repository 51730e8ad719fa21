/** The {@code pql} command line (picocli): one class per command, exit codes mapped in one place. */
@NullMarked
package io.github.pqlconnector.app.cli;

import org.jspecify.annotations.NullMarked;
