/** Domain values: events, traits, entities and the engine's verdicts. Records only, no behaviour beyond shape. */
@NullMarked
package io.github.pqlconnector.core.model;

import org.jspecify.annotations.NullMarked;
