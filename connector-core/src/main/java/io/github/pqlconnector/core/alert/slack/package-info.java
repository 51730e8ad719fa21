/** Slack incoming webhooks: an alert as a Block Kit message. Only the format lives here; posting is core.alert's. */
@NullMarked
package io.github.pqlconnector.core.alert.slack;

import org.jspecify.annotations.NullMarked;
