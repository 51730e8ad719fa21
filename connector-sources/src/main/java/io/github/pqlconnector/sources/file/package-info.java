/** The {@code file} source: events as JSON Lines (gzip allowed), traits as CSV or JSON Lines. */
@NullMarked
package io.github.pqlconnector.sources.file;

import org.jspecify.annotations.NullMarked;
