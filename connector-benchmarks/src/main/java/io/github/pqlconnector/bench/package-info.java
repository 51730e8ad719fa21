/**
 * Hand-run, end-to-end benchmarks: real files, the real config loader, source and engine, measured from a
 * plain {@code main} (see the module's README). Compiled with the build so they never rot; never run by it.
 */
@NullMarked
package io.github.pqlconnector.bench;

import org.jspecify.annotations.NullMarked;
