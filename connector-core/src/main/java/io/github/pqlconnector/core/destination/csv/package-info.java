/** The built-in {@code csv} destination: PQL fields and tasks as files, for the demo and for CRMs without an API. */
@NullMarked
package io.github.pqlconnector.core.destination.csv;

import org.jspecify.annotations.NullMarked;
