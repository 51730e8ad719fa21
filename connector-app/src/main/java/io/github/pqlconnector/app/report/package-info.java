/** The conversion report as HTML: a self-contained file for {@code pql report --html}, and the console's page. */
@NullMarked
package io.github.pqlconnector.app.report;

import org.jspecify.annotations.NullMarked;
