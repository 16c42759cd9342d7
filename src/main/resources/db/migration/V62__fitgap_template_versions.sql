-- 標準手順書テンプレートの版 (versions of the standard procedure templates) as the provider edits them: each
-- save is a new version (the TSV text of fitgap/templates/*.tsv), never changed afterwards. Provider data
-- shared by every town. An analysis keeps the version it started from (template_version; empty = the
-- template shipped with the system), so that editing the template never changes a town's analysis.
CREATE TABLE fitgap_template_version (
    template_id  VARCHAR(40)    NOT NULL,
    version_no   INTEGER        NOT NULL,
    source       VARCHAR(100000) NOT NULL,
    edited_by    VARCHAR(64)    NOT NULL,
    edited_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (template_id, version_no)
);

ALTER TABLE fitgap_analysis ADD COLUMN template_version INTEGER;
