-- 検索キー by town: resident_search_key becomes a table partitioned by tenant_id (LIST), so that an import can load
-- a town's 1.6 million keys into a table of its own without indexes, build the primary key and the atena index
-- once in key order, and swap it in for the town's old keys (RegistryRowSink.StagedCopy; see
-- docs/decisions/0010-search-keys-partitioned-by-tenant.md). Towns never imported that way (demo towns, keys
-- written by the service) stay in the DEFAULT partition: the table as it was, rows included, renamed and attached
-- without copying a row. Queries keep naming resident_search_key; with tenant_id in every WHERE they read one
-- partition only.
ALTER TABLE resident_search_key RENAME TO resident_search_key_default;
ALTER TABLE resident_search_key_default RENAME CONSTRAINT resident_search_key_pkey TO resident_search_key_default_pkey;
ALTER INDEX ix_resident_search_key_atena RENAME TO resident_search_key_default_atena;

CREATE TABLE resident_search_key (
    tenant_id     VARCHAR(6)   NOT NULL,
    key_kind      VARCHAR(2)   NOT NULL,
    removed       BOOLEAN      NOT NULL,
    key_value     VARCHAR(300) COLLATE "C" NOT NULL,
    exact_value   VARCHAR(300) COLLATE "C" NOT NULL,
    sort_kana     VARCHAR(200) COLLATE "C" NOT NULL,
    atena_number  VARCHAR(15)  NOT NULL,
    PRIMARY KEY (tenant_id, key_kind, removed, key_value, exact_value, sort_kana, atena_number)
) PARTITION BY LIST (tenant_id);
CREATE INDEX ix_resident_search_key_atena ON resident_search_key (tenant_id, atena_number);

-- The old table's primary key and index match the parent's: ATTACH adopts them instead of building new ones.
ALTER TABLE resident_search_key ATTACH PARTITION resident_search_key_default DEFAULT;

-- The application reads and writes through the parent, whose policy (afterMigrate) is the one applied there; a
-- partition keeps its own policy for a direct reader, but jc_app gets no grant on partitions.
REVOKE ALL ON resident_search_key_default FROM jc_app;
