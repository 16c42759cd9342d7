-- Users are the provider's accounts (the operator has no tenant), filtered by tenant in code.
CREATE TABLE app_user (
    username         VARCHAR(64)  NOT NULL PRIMARY KEY,
    tenant_code      VARCHAR(6),
    display_name     VARCHAR(40)  NOT NULL,
    role             VARCHAR(20)  NOT NULL,
    password_hash    VARCHAR(200) NOT NULL,
    failed_attempts  INTEGER      NOT NULL DEFAULT 0,
    locked_until     TIMESTAMP WITH TIME ZONE,
    enabled          BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_app_user_tenant FOREIGN KEY (tenant_code) REFERENCES tenant (code),
    CONSTRAINT ck_app_user_role CHECK (role IN ('operator', 'tenant-admin', 'clerk', 'auditor')),
    CONSTRAINT ck_app_user_operator_has_no_tenant CHECK ((role = 'operator') = (tenant_code IS NULL))
);
CREATE INDEX ix_app_user_tenant ON app_user (tenant_code, username);
