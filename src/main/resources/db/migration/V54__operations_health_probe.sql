-- ヘルスチェック (health probe) of the service, one row a minute: whether the service's own readiness
-- (its database answering) held at that minute. One service serves every town, so this is provider
-- data without tenant_id. A minute without a row was not observed (the service itself was not
-- running): it is not counted as down; stops the probe cannot see are recorded as incidents.
CREATE TABLE health_probe_minute (
    probed_minute  TIMESTAMP WITH TIME ZONE NOT NULL PRIMARY KEY,
    up             BOOLEAN     NOT NULL,
    detail         VARCHAR(200) NOT NULL
);
