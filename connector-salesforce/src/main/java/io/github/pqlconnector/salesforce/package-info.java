/**
 * The Salesforce CRM destination: OAuth (client credentials, JWT bearer, refresh token) against the org's My
 * Domain, SOQL matching, sObject Collections and Bulk API 2.0 writes, follow-up tasks, {@code pql setup} through
 * describe and the Tooling API, and the daily API allocation read from {@code Sforce-Limit-Info}.
 */
@NullMarked
package io.github.pqlconnector.salesforce;

import org.jspecify.annotations.NullMarked;
