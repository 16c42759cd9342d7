-- フィット&ギャップ分析 (fit and gap analyses): owned by the town that runs them (row-level security).
-- The steps in scope are kept with the analysis, as a town may analyse only the steps it adopts.
CREATE TABLE fitgap_analysis (
    tenant_id     VARCHAR(6)   NOT NULL,
    analysis_id   BIGINT       NOT NULL,
    template_id   VARCHAR(40)  NOT NULL,
    title         VARCHAR(100) NOT NULL,
    step_numbers  VARCHAR(400) NOT NULL,
    created_by    VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, analysis_id),
    CONSTRAINT fk_fitgap_analysis_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (code)
);

-- The latest assessment of each step (判定, 現行の運用, 対応策, 担当, 期限).
CREATE TABLE fitgap_assessment (
    tenant_id         VARCHAR(6)    NOT NULL,
    analysis_id       BIGINT        NOT NULL,
    step_number       VARCHAR(3)    NOT NULL,
    fit_gap_class     VARCHAR(20)   NOT NULL,
    current_practice  VARCHAR(1000) NOT NULL,
    countermeasure    VARCHAR(1000) NOT NULL,
    owner             VARCHAR(100)  NOT NULL,
    due_date          DATE,
    assessed_by       VARCHAR(64)   NOT NULL,
    assessed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, analysis_id, step_number),
    CONSTRAINT fk_fitgap_assessment_analysis FOREIGN KEY (tenant_id, analysis_id)
        REFERENCES fitgap_analysis (tenant_id, analysis_id) ON DELETE CASCADE
);

-- Per-town numbering of analyses, the row locked while numbering (SELECT ... FOR UPDATE).
CREATE TABLE fitgap_counter (
    tenant_id  VARCHAR(6) NOT NULL PRIMARY KEY,
    last_id    BIGINT     NOT NULL
);
