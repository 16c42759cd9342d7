-- A 30,000-resident town's worth of rows in the local cluster's database, for the restore drill from a pgBackRest
-- backup (bench/continuity/backup-restore-run): the same 150,000 rows as the vault benchmark (restore-load-*.sql) —
-- 90,000 アクセスログ entries, 30,000 issued certificates, 30,000 外字 entries — in tables of the application's
-- shape (the cluster's database is not migrated by the application here, so the tables are created plainly).
CREATE TABLE audit_log (
    tenant_id VARCHAR(6) NOT NULL, seq BIGINT NOT NULL, occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor VARCHAR(64) NOT NULL, actor_role VARCHAR(20) NOT NULL, action VARCHAR(40) NOT NULL,
    target VARCHAR(200) NOT NULL, query_text VARCHAR(1000), client_address VARCHAR(64), outcome VARCHAR(20) NOT NULL,
    previous_hash VARCHAR(64) NOT NULL, entry_hash VARCHAR(64) NOT NULL, PRIMARY KEY (tenant_id, seq));
CREATE INDEX ix_audit_log_time ON audit_log (tenant_id, occurred_at);
CREATE TABLE issued_certificate (
    tenant_id VARCHAR(6) NOT NULL, scope VARCHAR(60) NOT NULL, serial BIGINT NOT NULL, issue_number VARCHAR(120) NOT NULL,
    kind VARCHAR(40) NOT NULL, verification_code VARCHAR(12) NOT NULL, content_digest VARCHAR(64) NOT NULL,
    subject VARCHAR(200) NOT NULL, page_count INTEGER NOT NULL, substitutions INTEGER NOT NULL, reprint_of BIGINT,
    drill BOOLEAN NOT NULL, issued_at TIMESTAMP WITH TIME ZONE NOT NULL, issued_by VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, scope, serial));
CREATE INDEX ix_issued_certificate_subject ON issued_certificate (tenant_id, subject);
CREATE TABLE gaiji_mapping (
    tenant_id VARCHAR(6) NOT NULL, code_point INTEGER NOT NULL, substitute VARCHAR(16), description VARCHAR(100),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (tenant_id, code_point));
INSERT INTO audit_log (tenant_id, seq, occurred_at, actor, actor_role, action, target, query_text, client_address,
                       outcome, previous_hash, entry_hash)
SELECT '012211', 1000000 + g, now() - g * interval '1 minute', 'clerk-' || (g % 20), 'clerk', 'resident.view',
       'resident:' || lpad((g % 30000)::text, 15, '0'), CASE WHEN g % 3 = 0 THEN 'カナ検索 ヤマダ タロウ' END,
       '10.0.0.' || (g % 200), 'success', encode(sha256(g::text::bytea), 'hex'),
       encode(sha256((g + 1)::text::bytea), 'hex')
  FROM generate_series(1, 90000) g;
INSERT INTO issued_certificate (tenant_id, scope, serial, issue_number, kind, verification_code, content_digest,
                                subject, page_count, substitutions, reprint_of, drill, issued_at, issued_by)
SELECT '012211', 'bench', g, '名寄市証明第' || g || '号', 'resident-copy', lpad(g::text, 12, '0'),
       encode(sha256(g::text::bytea), 'hex'), 'resident:' || lpad(g::text, 15, '0'), 1 + g % 3, g % 2,
       CASE WHEN g % 10 = 0 THEN g - 1 END, false, now() - g * interval '5 minutes', 'clerk-' || (g % 20)
  FROM generate_series(1, 30000) g;
INSERT INTO gaiji_mapping (tenant_id, code_point, substitute, description, updated_at)
SELECT '012211', 983040 + g, CASE WHEN g % 4 = 0 THEN NULL ELSE '髙' || g END, '住民 ' || g || ' の氏名の外字', now()
  FROM generate_series(1, 30000) g;
