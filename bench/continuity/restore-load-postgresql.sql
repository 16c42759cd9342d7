-- A 30,000-resident town's worth of rows for 012211 (名寄市), spread over the tenant tables that exist
-- while the residents tables are not in main: 90,000 アクセスログ entries (3 per resident), 30,000 issued
-- certificates (1 per resident), 30,000 外字 entries. 150,000 rows, about 5 per resident.
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
