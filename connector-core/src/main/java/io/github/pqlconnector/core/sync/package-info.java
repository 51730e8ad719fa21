/**
 * The sync engine: evaluate, diff against what the CRM confirmed, write the outbox before any destination
 * call, drain it in the destination's batch size, record the run. One path for manual and scheduled runs.
 */
@NullMarked
package io.github.pqlconnector.core.sync;

import org.jspecify.annotations.NullMarked;
