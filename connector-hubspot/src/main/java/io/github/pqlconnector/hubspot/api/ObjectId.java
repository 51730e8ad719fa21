package io.github.pqlconnector.hubspot.api;

/**
 * HubSpot's {@code SimplePublicObjectId}/{@code PublicObjectId}: a record id, or the value of the request's
 * {@code idProperty} (an email) where the request names one.
 */
public record ObjectId(String id) {}
