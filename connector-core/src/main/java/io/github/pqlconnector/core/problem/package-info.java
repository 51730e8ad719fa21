/**
 * Where a config value sits and what is wrong with it: {@link io.github.pqlconnector.core.problem.ConfigPath} (the
 * YAML path), {@link io.github.pqlconnector.core.problem.LineIndex} (path to line) and
 * {@link io.github.pqlconnector.core.problem.Problems} (every problem collected, then thrown at once). Depends on
 * nothing of ours but the error types, so the config loader and the plugin SPI can both use it.
 */
@NullMarked
package io.github.pqlconnector.core.problem;

import org.jspecify.annotations.NullMarked;
