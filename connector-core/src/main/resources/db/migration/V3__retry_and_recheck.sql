-- Refusals come back, and "not found" is remembered (issue 12). Runs unchanged on H2 (2.x) and PostgreSQL (13+).

-- outbox: FAILED rows (refused for good) are due again at next_attempt_at, on the capped backoff of
-- core.sync.RetrySchedule; UNMATCHED rows are looked up again at next_attempt_at (the destination's
-- recheckUnmatched). NULL means due now. refusals counts refusals in a row of the current verdict,
-- first_failed_at is when its first refusal was. A new verdict or a confirmed write clears all three.
ALTER TABLE outbox ADD COLUMN first_failed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE outbox ADD COLUMN refusals INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE outbox ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;

-- task_outbox: the same for follow-up tasks refused for good; last_failed_at is the latest refusal.
ALTER TABLE task_outbox ADD COLUMN first_failed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE task_outbox ADD COLUMN last_failed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE task_outbox ADD COLUMN refusals INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE task_outbox ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;

-- Per sync: the fingerprint (SHA-256, secrets left out) of its destination's config as the last run saw it,
-- and the last successful `pql setup` of that destination the runs have acted on. When either changes,
-- refused rows (and, on a config change, unmatched rows) are due at once.
CREATE TABLE retry_marks (
  sync_name      VARCHAR(200) NOT NULL PRIMARY KEY,
  config_hash    VARCHAR(64)  NOT NULL,
  setup_seen_at  TIMESTAMP WITH TIME ZONE,
  updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The last successful `pql setup` per destination (its YAML key).
CREATE TABLE destination_setups (
  destination_name VARCHAR(200) NOT NULL PRIMARY KEY,
  setup_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
