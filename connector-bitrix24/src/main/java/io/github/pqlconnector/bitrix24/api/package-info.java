/**
 * Bitrix24's classic REST contract as this connector uses it: the Retrofit interface {@link
 * io.github.pqlconnector.bitrix24.api.Bitrix24Api} (every method a JSON {@code POST} to {@code <base>/<method>}), the
 * {@code batch} command strings, request and response records, the wire {@code ObjectMapper}, and the mapping of
 * Bitrix24 errors (whole calls and single {@code batch} commands) onto the connector's error categories. Bitrix24
 * answers an empty map as {@code []}, so the loosely shaped parts are read as {@code JsonNode}.
 */
@NullMarked
package io.github.pqlconnector.bitrix24.api;

import org.jspecify.annotations.NullMarked;
