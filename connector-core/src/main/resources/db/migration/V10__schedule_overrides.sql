-- A sync's cron as an operator set it in the admin console; it overrides the file's cron until cleared. One row
-- per sync, shared by every node of a cluster (each reads it on start and reload), with who set it and when.
CREATE TABLE schedule_overrides (
  sync_name  VARCHAR(200) NOT NULL PRIMARY KEY,
  cron       VARCHAR(200) NOT NULL,
  set_by     VARCHAR(200) NOT NULL,
  set_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
