-- Verdict history: every change of an entity's status or score (with its strongest signal type and activation then),
-- when the run that saw it decided it, kept for the
-- state's historyRetention (default 400 days). It answers "PQL since", "time to convert" and the live reports.
CREATE TABLE verdict_history (
  sync_name   VARCHAR(200) NOT NULL,
  level       VARCHAR(10)  NOT NULL,
  entity_id   VARCHAR(500) NOT NULL,
  changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  status      VARCHAR(10)  NOT NULL,
  score       INTEGER      NOT NULL,
  primary_type VARCHAR(100),
  activation_pct DOUBLE PRECISION NOT NULL,
  run_id      BIGINT       NOT NULL
);
CREATE INDEX verdict_history_by_entity ON verdict_history (sync_name, level, entity_id, changed_at);
CREATE INDEX verdict_history_by_time ON verdict_history (sync_name, changed_at);

-- The score the entity's last verdict had; NULL for states kept before this column (the next verdict is a change).
ALTER TABLE entity_state ADD COLUMN score INTEGER;
