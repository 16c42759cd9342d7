-- SLA契約 (the SLA terms agreed with each town): the service hours that availability and compliance are
-- measured in, and the support desk's reception hours (サポート受付時間). Written as ServiceWindow text
-- ('24h' or 'MON-FRI 08:30-17:15'). Provider data like the records of V51: the operator edits it,
-- every town's row is named by tenant_code; a town without a row has the default contract (24h, and
-- a desk open on weekdays 08:30-17:15).
CREATE TABLE sla_contract (
    tenant_code     VARCHAR(6)  NOT NULL PRIMARY KEY,
    service_window  VARCHAR(60) NOT NULL,
    support_window  VARCHAR(60) NOT NULL,
    updated_by      VARCHAR(64) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_sla_contract_tenant FOREIGN KEY (tenant_code) REFERENCES tenant (code)
);
