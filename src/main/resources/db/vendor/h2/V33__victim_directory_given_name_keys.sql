-- Prefix ranges of the given-name keys (see V32). H2 compares strings byte-wise, so a plain index serves LIKE 'key%'.
CREATE INDEX ix_victim_directory_given_kana ON victim_directory_person (tenant_id, given_kana_key);
CREATE INDEX ix_victim_directory_given_name ON victim_directory_person (tenant_id, given_name_key);
