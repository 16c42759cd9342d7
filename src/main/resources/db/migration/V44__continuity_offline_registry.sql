-- 住民異動 made at an offline counter are replayed at the centre through the registry's own use case (new
-- 履歴番号, the centre's numbers). What a merge replayed is kept here, so that a second merge of the same
-- laptop replays nothing twice and a change the laptop made later on the same person can follow it.

-- One row per snapshot and laptop 異動番号 replayed, with the centre's 異動番号 for it.
CREATE TABLE offline_registry_change (
    tenant_id          VARCHAR(6)   NOT NULL,
    snapshot_number    INTEGER      NOT NULL,
    offline_change_id  BIGINT       NOT NULL,
    central_change_id  BIGINT       NOT NULL,
    merged_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, snapshot_number, offline_change_id)
);

-- Numbers the laptop issued (a newborn's 宛名番号, a separated household's 世帯番号) and the centre's for them.
CREATE TABLE offline_registry_number (
    tenant_id        VARCHAR(6)   NOT NULL,
    snapshot_number  INTEGER      NOT NULL,
    number_kind      VARCHAR(10)  NOT NULL,
    offline_number   VARCHAR(15)  NOT NULL,
    central_number   VARCHAR(15)  NOT NULL,
    PRIMARY KEY (tenant_id, snapshot_number, number_kind, offline_number),
    CONSTRAINT ck_offline_registry_number_kind CHECK (number_kind IN ('atena', 'household'))
);

-- A laptop 異動 that waits because an earlier one on the same person or household is itself a conflict.
ALTER TABLE offline_conflict DROP CONSTRAINT ck_offline_conflict_reason;
ALTER TABLE offline_conflict ADD CONSTRAINT ck_offline_conflict_reason CHECK (reason IN ('CHANGED_CENTRALLY',
    'DELETED_CENTRALLY', 'KEY_TAKEN', 'DUPLICATE_PERSON', 'NOT_MERGEABLE', 'REFUSED', 'DEPENDS_ON_CONFLICT'));
