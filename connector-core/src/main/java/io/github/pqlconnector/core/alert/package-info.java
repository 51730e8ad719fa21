/**
 * Alerts: what runs and the scheduler raise (new PQLs, failed, partly failed, stalled and quota-stopped runs), queued
 * in the state store, throttled per sync and kind, and sent by {@link io.github.pqlconnector.core.alert.AlertSender}
 * to the configured receivers with retries. Names no CRM; Slack's message format lives in {@code alert.slack}.
 */
@NullMarked
package io.github.pqlconnector.core.alert;

import org.jspecify.annotations.NullMarked;
