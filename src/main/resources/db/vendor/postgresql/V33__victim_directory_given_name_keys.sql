-- Prefix ranges of the search keys (see V32). The database collation is not "C", so LIKE 'key%' can use a
-- btree only with the pattern operator class.
CREATE INDEX ix_victim_directory_given_kana ON victim_directory_person (tenant_id, given_kana_key varchar_pattern_ops);
CREATE INDEX ix_victim_directory_given_name ON victim_directory_person (tenant_id, given_name_key varchar_pattern_ops);
CREATE INDEX ix_victim_directory_kana_prefix ON victim_directory_person (tenant_id, kana_key varchar_pattern_ops);
CREATE INDEX ix_victim_directory_name_prefix ON victim_directory_person (tenant_id, name_key varchar_pattern_ops);
