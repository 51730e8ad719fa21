package io.github.pqlconnector.app.admin;

import io.github.pqlconnector.core.state.RunDao;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One sync as the admin sees it: schedule, next fire, paused or not, and its last run (null if none yet).
 * {@code cron} is the one it runs on, {@code fileCron} the file's (they differ when {@code cronOverridden});
 * {@code outboxDepth} the rows still to push; {@code throttlesLastHour} the calls its destination refused for rate
 * limits in the last hour, as counted on this node.
 */
public record SyncStatus(String name, String source, String destination, @Nullable String cron,
    @Nullable Instant nextFire, boolean paused, boolean running, RunDao.@Nullable RunRow lastRun,
    @Nullable String fileCron, boolean cronOverridden, long outboxDepth, long throttlesLastHour) {}
