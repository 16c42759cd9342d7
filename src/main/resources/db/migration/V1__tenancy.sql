-- The provider's register of municipalities: public facts (code, name), not tenant data.
CREATE TABLE tenant (
    code        VARCHAR(6)  NOT NULL PRIMARY KEY,
    name        VARCHAR(40) NOT NULL,
    prefecture  VARCHAR(10) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Per-tenant settings used on certificates (tenant-owned: row-level security on PostgreSQL).
CREATE TABLE tenant_profile (
    tenant_id       VARCHAR(6)  NOT NULL PRIMARY KEY,
    mayor_title     VARCHAR(20) NOT NULL,
    mayor_name      VARCHAR(40) NOT NULL,
    main_office     VARCHAR(40) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_tenant_profile_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (code)
);

-- 行政区 (administrative districts) of a tenant.
CREATE TABLE district (
    tenant_id      VARCHAR(6)  NOT NULL,
    district_code  VARCHAR(6)  NOT NULL,
    name           VARCHAR(40) NOT NULL,
    PRIMARY KEY (tenant_id, district_code),
    CONSTRAINT fk_district_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (code)
);

-- 外字 table: a tenant's private-use characters and what they stand for.
CREATE TABLE gaiji_mapping (
    tenant_id    VARCHAR(6)   NOT NULL,
    code_point   INTEGER      NOT NULL,
    substitute   VARCHAR(16),
    description  VARCHAR(100),
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, code_point),
    CONSTRAINT fk_gaiji_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (code)
);
