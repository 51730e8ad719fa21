/**
 * The YAML config: records bound strictly by Jackson, every problem collected with its path and line,
 * {@code ${ENV}}/{@code ${file:…}} substitution and {@link io.github.pqlconnector.core.config.Secret}.
 */
@NullMarked
package io.github.pqlconnector.core.config;

import io.github.pqlconnector.core.secret.Secret;
import org.jspecify.annotations.NullMarked;
