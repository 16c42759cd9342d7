-- 検索キー (search keys) of the standard person search: one row per name, reading, birth date or address of
-- every snapshot of a resident (past names and addresses included), folded by SearchKeys. Derived data:
-- rebuilt for a resident after each change. The primary key is the search index: a prefix range or an equal
-- key within (key_kind, removed) is read in display order (key, exact form, kana), so LIMIT 50 stops early.
-- key_value and exact_value compare byte-wise (H2 compares strings by code unit already) so that prefix ranges are exact.
CREATE TABLE resident_search_key (
    tenant_id     VARCHAR(6)   NOT NULL,
    key_kind      VARCHAR(2)   NOT NULL,
    removed       BOOLEAN      NOT NULL,
    key_value     VARCHAR(300) NOT NULL,
    exact_value   VARCHAR(300) NOT NULL,
    sort_kana     VARCHAR(200) NOT NULL,
    atena_number  VARCHAR(15)  NOT NULL,
    PRIMARY KEY (tenant_id, key_kind, removed, key_value, exact_value, sort_kana, atena_number)
);
CREATE INDEX ix_resident_search_key_atena ON resident_search_key (tenant_id, atena_number);
