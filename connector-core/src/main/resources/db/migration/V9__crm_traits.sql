-- CRM fields of the records a sync wrote, read back as traits when the sync lists its destination under traits:.
-- One row per entity: the record it was read from, the values (a JSON object of trait name -> text) and when, so
-- they are read again after the destination's traits.refresh or when the entity moves to another record.
CREATE TABLE crm_traits (
  sync_name     VARCHAR(200)   NOT NULL,
  level         VARCHAR(10)    NOT NULL,
  entity_id     VARCHAR(500)   NOT NULL,
  record_id     VARCHAR(500)   NOT NULL,
  trait_values  VARCHAR(20000) NOT NULL,
  read_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (sync_name, level, entity_id)
);
