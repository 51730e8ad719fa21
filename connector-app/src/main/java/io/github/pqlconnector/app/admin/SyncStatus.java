package io.github.pqlconnector.app.admin;

import io.github.pqlconnector.core.state.RunDao;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One sync as the admin sees it: schedule, next fire, paused or not, and its last run (null if none yet). */
public record SyncStatus(String name, String source, String destination, @Nullable String cron,
    @Nullable Instant nextFire, boolean paused, boolean running, RunDao.@Nullable RunRow lastRun) {}
