/** The scheduler daemon: Quartz on the state database, one job per sync, clustered on PostgreSQL. */
@NullMarked
package io.github.pqlconnector.app.scheduler;

import org.jspecify.annotations.NullMarked;
