-- 経費按分 (cost sharing): the provider's annual service cost and the key it is shared by
-- (e.g. resident counts). Provider data: the towns see only their own share, computed on reading.
CREATE TABLE annual_cost (
    fiscal_year         INTEGER      NOT NULL PRIMARY KEY,
    total_thousand_yen  BIGINT       NOT NULL,
    sharing_key         VARCHAR(40)  NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_annual_cost_total CHECK (total_thousand_yen >= 0)
);

CREATE TABLE annual_cost_key (
    fiscal_year  INTEGER    NOT NULL,
    tenant_code  VARCHAR(6) NOT NULL,
    weight       BIGINT     NOT NULL,
    PRIMARY KEY (fiscal_year, tenant_code),
    CONSTRAINT fk_annual_cost_key_year FOREIGN KEY (fiscal_year) REFERENCES annual_cost (fiscal_year) ON DELETE CASCADE,
    CONSTRAINT fk_annual_cost_key_tenant FOREIGN KEY (tenant_code) REFERENCES tenant (code),
    CONSTRAINT ck_annual_cost_key_weight CHECK (weight >= 0)
);
