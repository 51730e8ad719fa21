package io.github.pqlconnector.core.sync;

/**
 * Why a run started: by hand, on its cron, as the one catch-up run after missed fires, or as the takeover
 * of a run whose node died.
 */
public enum RunTrigger { MANUAL, SCHEDULED, CATCH_UP, RECOVERY }
