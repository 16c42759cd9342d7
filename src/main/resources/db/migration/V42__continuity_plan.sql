-- 利用継続計画: each save of a tenant's plan appends a version; nothing is overwritten.
CREATE TABLE continuity_plan_head (
    tenant_id     VARCHAR(6) NOT NULL PRIMARY KEY,
    last_version  INTEGER    NOT NULL,
    CONSTRAINT fk_continuity_plan_head_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (code)
);

CREATE TABLE continuity_plan_version (
    tenant_id    VARCHAR(6)   NOT NULL,
    version      INTEGER      NOT NULL,
    saved_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    saved_by     VARCHAR(64)  NOT NULL,
    change_note  VARCHAR(200),
    PRIMARY KEY (tenant_id, version),
    CONSTRAINT fk_continuity_plan_version_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (code)
);

-- The plan's text sections, by the key of the section in the source document's structure.
CREATE TABLE continuity_plan_section (
    tenant_id    VARCHAR(6)     NOT NULL,
    version      INTEGER        NOT NULL,
    section_key  VARCHAR(40)    NOT NULL,
    body         VARCHAR(20000) NOT NULL,
    PRIMARY KEY (tenant_id, version, section_key),
    CONSTRAINT fk_continuity_plan_section_version FOREIGN KEY (tenant_id, version)
        REFERENCES continuity_plan_version (tenant_id, version)
);

-- 重要システム with their target recovery times; cloud_provided ones are compared with the drills.
CREATE TABLE continuity_plan_system (
    tenant_id              VARCHAR(6)   NOT NULL,
    version                INTEGER      NOT NULL,
    position               INTEGER      NOT NULL,
    category               VARCHAR(60)  NOT NULL,
    name                   VARCHAR(100) NOT NULL,
    target_recovery_hours  INTEGER      NOT NULL,
    cloud_provided         BOOLEAN      NOT NULL,
    PRIMARY KEY (tenant_id, version, position),
    CONSTRAINT fk_continuity_plan_system_version FOREIGN KEY (tenant_id, version)
        REFERENCES continuity_plan_version (tenant_id, version),
    CONSTRAINT ck_continuity_plan_system_hours CHECK (target_recovery_hours BETWEEN 1 AND 720)
);
