-- Outcomes read back from the destination: one row per conversion and record (a deal counts for its company and
-- each of its contacts). entity_id is the entity the connector wrote to that record, found by record_id in pushed;
-- NULL until the connector has written the record, then filled in by a later read.
CREATE TABLE outcomes (
  sync_name     VARCHAR(200)  NOT NULL,
  outcome_key   VARCHAR(1000) NOT NULL,
  source        VARCHAR(500)  NOT NULL,
  level         VARCHAR(10)   NOT NULL,
  record_id     VARCHAR(500),
  entity_id     VARCHAR(500),
  converted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  amount        DOUBLE PRECISION,
  read_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (sync_name, outcome_key)
);
CREATE INDEX outcomes_by_entity ON outcomes (sync_name, level, entity_id);

-- Where each sync's next outcome read starts (the destination's cursor: a modification time, a page token).
CREATE TABLE outcome_cursors (
  sync_name  VARCHAR(200)  NOT NULL PRIMARY KEY,
  cursor_value VARCHAR(4000) NOT NULL,
  read_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
