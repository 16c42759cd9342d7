-- 進捗の推移 (progress over time) of each analysis: the count of steps in each class, taken each time the
-- analysis is saved (one screen save, or one step through the API). Appended, never changed.
CREATE TABLE fitgap_progress (
    tenant_id        VARCHAR(6)  NOT NULL,
    analysis_id      BIGINT      NOT NULL,
    snapshot_no      INTEGER     NOT NULL,
    taken_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    fits             INTEGER     NOT NULL,
    change_practice  INTEGER     NOT NULL,
    change_system    INTEGER     NOT NULL,
    change_both      INTEGER     NOT NULL,
    do_not_adopt     INTEGER     NOT NULL,
    unassessed       INTEGER     NOT NULL,
    complete_steps   INTEGER     NOT NULL,
    total_steps      INTEGER     NOT NULL,
    taken_by         VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, analysis_id, snapshot_no),
    CONSTRAINT fk_fitgap_progress_analysis FOREIGN KEY (tenant_id, analysis_id)
        REFERENCES fitgap_analysis (tenant_id, analysis_id) ON DELETE CASCADE
);
