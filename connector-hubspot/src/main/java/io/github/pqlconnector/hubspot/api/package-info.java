/**
 * HubSpot's CRM REST contract as this connector uses it: the Retrofit interface {@link
 * io.github.pqlconnector.hubspot.api.HubSpotApi}, the request and response records named after HubSpot's own
 * schemas, the wire {@code ObjectMapper}, and the mapping of HubSpot failures (whole calls and single inputs of a
 * 207 batch) onto the connector's error categories. Response records ignore fields they do not know, so HubSpot can
 * add fields without breaking a run; nothing outside the HubSpot module imports this package.
 */
@NullMarked
package io.github.pqlconnector.hubspot.api;

import org.jspecify.annotations.NullMarked;
