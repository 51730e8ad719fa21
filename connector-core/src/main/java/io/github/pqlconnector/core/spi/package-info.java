/**
 * The two extension points: {@link io.github.pqlconnector.core.spi.AnalyticsSource} reads usage,
 * {@link io.github.pqlconnector.core.spi.CrmDestination} writes verdicts. Adding a vendor is adding a
 * provider in its own module plus a {@code META-INF/services} line; core never names a vendor.
 */
@NullMarked
package io.github.pqlconnector.core.spi;

import org.jspecify.annotations.NullMarked;
