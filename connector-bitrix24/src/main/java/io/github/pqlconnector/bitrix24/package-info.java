/**
 * The {@code type: bitrix24} CRM destination: PQL fields on Bitrix24 leads, contacts and companies, follow-up to-dos,
 * on cloud portals and on-premise installations alike (everything goes through the portal's REST base URL).
 */
@NullMarked
package io.github.pqlconnector.bitrix24;

import org.jspecify.annotations.NullMarked;
