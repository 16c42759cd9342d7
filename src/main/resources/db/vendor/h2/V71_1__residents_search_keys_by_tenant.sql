-- PostgreSQL partitions resident_search_key by town at this version (decision 0010); H2, the embedded single-site
-- database, keeps the plain table of V11. The version exists here too because both databases must report the same
-- schema version: a vault taken on one is restored into the other (an offline counter's H2 from the centre's
-- PostgreSQL), and a restore refuses a vault newer than its target.
COMMENT ON TABLE resident_search_key IS '検索キー: PostgreSQL では町ごとの区画に分けている (V71_1)';
