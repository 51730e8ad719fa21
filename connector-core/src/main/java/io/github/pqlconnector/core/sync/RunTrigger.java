package io.github.pqlconnector.core.sync;

/**
 * Why a run started: by hand, on its cron, as the one catch-up run after missed fires, as the takeover
 * of a run whose node died, or by {@code pql retry} (or the admin API's retry) after making refused and
 * unmatched records due.
 */
public enum RunTrigger { MANUAL, SCHEDULED, CATCH_UP, RECOVERY, RETRY }
