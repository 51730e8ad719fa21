/** HTTP building blocks shared by the adapters: the root OkHttp client, auth and redaction, {@code VendorCall}. */
@NullMarked
package io.github.pqlconnector.core.http;

import org.jspecify.annotations.NullMarked;
