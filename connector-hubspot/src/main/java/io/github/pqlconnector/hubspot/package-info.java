/**
 * The HubSpot CRM destination. {@link io.github.pqlconnector.hubspot.HubSpotHttp} builds the one HTTP client and
 * Retrofit instance a HubSpot destination uses: bearer auth, user agent, redacted request logging and the call
 * timeout. The wire contract itself lives in {@code api}, which nothing outside this module imports.
 */
@NullMarked
package io.github.pqlconnector.hubspot;

import org.jspecify.annotations.NullMarked;
