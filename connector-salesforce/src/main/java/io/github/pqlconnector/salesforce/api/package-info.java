/**
 * Salesforce's wire contract: the Retrofit {@link io.github.pqlconnector.salesforce.api.SalesforceApi}, request and
 * response records in Salesforce's own shapes (REST, Tooling and Bulk API 2.0), the error mapping and the
 * {@code Sforce-Limit-Info} header. Nothing outside this module imports it.
 */
@NullMarked
package io.github.pqlconnector.salesforce.api;

import org.jspecify.annotations.NullMarked;
