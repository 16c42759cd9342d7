-- 訓練結果: every restore and failover drill, measured. A provider table (no tenant_id): failover drills
-- concern the whole cluster, and the drill history must survive a tenant restore, so tenant_code carries
-- no foreign key (the vault only takes tables tied to the tenant register).
CREATE TABLE drill_result (
    drill_id             VARCHAR(80)  NOT NULL PRIMARY KEY,
    kind                 VARCHAR(20)  NOT NULL,
    tenant_code          VARCHAR(6),
    scenario             VARCHAR(20),
    started_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    recovery_seconds     NUMERIC(10, 2),
    rows_checked         BIGINT       NOT NULL,
    losses               BIGINT       NOT NULL,
    single_copy_seconds  NUMERIC(10, 2),
    passed               BOOLEAN      NOT NULL,
    summary              VARCHAR(200) NOT NULL,
    CONSTRAINT ck_drill_result_kind CHECK (kind IN ('restore', 'failover'))
);
CREATE INDEX ix_drill_result_started ON drill_result (started_at);
