-- Per-day partial aggregates for incremental sources (ARCHITECTURE.md "Windows over incremental pulls").
-- Runs unchanged on H2 (2.x) and PostgreSQL (13+).

-- One row per entity per UTC day (epoch_day = days since 1970-01-01); data is the engine's compact JSON.
-- A run replaces every day it read, drops days older than the longest window, in its one state transaction.
CREATE TABLE day_buckets (
  sync_name  VARCHAR(200) NOT NULL,
  epoch_day  INTEGER      NOT NULL,
  level      VARCHAR(10)  NOT NULL,
  entity_id  VARCHAR(500) NOT NULL,
  data       VARCHAR(1000000) NOT NULL,
  PRIMARY KEY (sync_name, epoch_day, level, entity_id)
);

-- What a sync's buckets hold: events read up to read_to (exclusive), laid out for the model with model_hash.
-- No row, or another model_hash, means the next run rebuilds the buckets from the source.
CREATE TABLE bucket_windows (
  sync_name   VARCHAR(200) NOT NULL PRIMARY KEY,
  read_to     TIMESTAMP WITH TIME ZONE NOT NULL,
  model_hash  VARCHAR(64)  NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
