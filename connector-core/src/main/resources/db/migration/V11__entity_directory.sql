-- The admin console's entity directory: what the PQLs page filters and searches by that entity_state does not hold.
-- email and domain are the normalised match keys from the entity's traits, primary_type its strongest signal type
-- now, owner_id the CRM record's owner as the last match found it. Written only when one of them changed.
CREATE TABLE entity_directory (
  sync_name    VARCHAR(200) NOT NULL,
  level        VARCHAR(10)  NOT NULL,
  entity_id    VARCHAR(500) NOT NULL,
  email        VARCHAR(500),
  domain       VARCHAR(500),
  primary_type VARCHAR(100),
  owner_id     VARCHAR(500),
  PRIMARY KEY (sync_name, level, entity_id)
);
CREATE INDEX entity_directory_by_email ON entity_directory (sync_name, email);
CREATE INDEX entity_directory_by_domain ON entity_directory (sync_name, domain);
CREATE INDEX entity_directory_by_owner ON entity_directory (sync_name, owner_id);
