package io.github.pqlconnector.core.sync;

/** Why a run started: by hand, on its cron, or as the one catch-up run after missed fires. */
public enum RunTrigger { MANUAL, SCHEDULED, CATCH_UP }
