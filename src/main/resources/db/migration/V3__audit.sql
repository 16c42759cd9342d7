-- アクセスログ: append-only, each entry hashed with the previous entry's hash of the same chain.
-- The provider's own chain uses tenant_id '000000', which no valid tenant code can be.
CREATE TABLE audit_log (
    tenant_id       VARCHAR(6)   NOT NULL,
    seq             BIGINT       NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(64)  NOT NULL,
    actor_role      VARCHAR(20)  NOT NULL,
    action          VARCHAR(40)  NOT NULL,
    target          VARCHAR(200) NOT NULL,
    query_text      VARCHAR(1000),
    client_address  VARCHAR(64),
    outcome         VARCHAR(20)  NOT NULL,
    previous_hash   VARCHAR(64)  NOT NULL,
    entry_hash      VARCHAR(64)  NOT NULL,
    PRIMARY KEY (tenant_id, seq)
);
CREATE INDEX ix_audit_log_time ON audit_log (tenant_id, occurred_at);

-- The head of each chain, locked while appending so that entries get gapless numbers.
CREATE TABLE audit_chain_head (
    tenant_id  VARCHAR(6)  NOT NULL PRIMARY KEY,
    last_seq   BIGINT      NOT NULL,
    last_hash  VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (tenant_id, last_seq, last_hash)
VALUES ('000000', 0, '0000000000000000000000000000000000000000000000000000000000000000');
