-- 日次集計 (daily aggregates) of each tenant's service: the online response-time histogram (counts per
-- bucket of LatencyBuckets.STANDARD, comma separated, so that days add up into months exactly) and the
-- batch tally. Written by the in-memory collector once a minute, merged with the stored row.
CREATE TABLE sla_daily_aggregate (
    tenant_id                 VARCHAR(6)   NOT NULL,
    measured_on               DATE         NOT NULL,
    latency_bounds            VARCHAR(200) NOT NULL,
    latency_counts            VARCHAR(400) NOT NULL,
    request_count             BIGINT       NOT NULL,
    batch_runs                BIGINT       NOT NULL,
    batch_runs_within_target  BIGINT       NOT NULL,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, measured_on),
    CONSTRAINT fk_sla_daily_aggregate_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (code)
);
