-- Destinations' look-up tables kept between runs (core.spi.RecordIndex), e.g. a CRM's domain -> company index.
-- Runs unchanged on H2 (2.x) and PostgreSQL (13+).

-- One row per key a record holds; a key may be held by several records, a record may hold several keys.
CREATE TABLE record_index (
  destination_name VARCHAR(200) NOT NULL,
  index_name       VARCHAR(100) NOT NULL,
  index_key        VARCHAR(500) NOT NULL,
  record_id        VARCHAR(200) NOT NULL,
  PRIMARY KEY (destination_name, index_name, index_key, record_id)
);
CREATE INDEX record_index_by_record ON record_index (destination_name, index_name, record_id);

-- Up to where the destination has read its CRM into the index (its own format, e.g. a modification time).
CREATE TABLE record_index_marks (
  destination_name VARCHAR(200) NOT NULL,
  index_name       VARCHAR(100) NOT NULL,
  watermark        VARCHAR(200) NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (destination_name, index_name)
);
