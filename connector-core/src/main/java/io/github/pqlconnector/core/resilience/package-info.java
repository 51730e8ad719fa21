/** Rate limiting, retries (honouring Retry-After) and circuit breaking per vendor instance, with Resilience4j. */
@NullMarked
package io.github.pqlconnector.core.resilience;

import org.jspecify.annotations.NullMarked;
