/**
 * {@link io.github.pqlconnector.core.secret.Secret}: a credential read from {@code ${ENV}} or {@code ${file:…}},
 * whose {@code toString()} hides it. A leaf package, so the config loader, the plugin SPI and the HTTP plumbing can all
 * hold secrets without depending on one another.
 */
@NullMarked
package io.github.pqlconnector.core.secret;

import org.jspecify.annotations.NullMarked;
