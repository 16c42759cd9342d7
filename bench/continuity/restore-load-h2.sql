-- (H2 dialect of restore-load-postgresql.sql) A 30,000-resident town's worth of rows for 012211 (名寄市), spread over the tenant tables that exist
-- while the residents tables are not in main: 90,000 アクセスログ entries (3 per resident), 30,000 issued
-- certificates (1 per resident), 30,000 外字 entries. 150,000 rows, about 5 per resident.
INSERT INTO audit_log (tenant_id, seq, occurred_at, actor, actor_role, action, target, query_text, client_address,
                       outcome, previous_hash, entry_hash)
SELECT '012211', 1000000 + r."X", DATEADD('MINUTE', -1 * r."X", CURRENT_TIMESTAMP), 'clerk-' || (MOD(r."X", 20)), 'clerk', 'resident.view',
       'resident:' || lpad(CAST(MOD(r."X", 30000) AS VARCHAR), 15, '0'), CASE WHEN MOD(r."X", 3) = 0 THEN 'カナ検索 ヤマダ タロウ' END,
       '10.0.0.' || (MOD(r."X", 200)), 'success', LOWER(RAWTOHEX(HASH('SHA-256', CAST(r."X" AS VARCHAR)))),
       LOWER(RAWTOHEX(HASH('SHA-256', CAST(r."X" + 1 AS VARCHAR))))
  FROM SYSTEM_RANGE(1, 90000) r;
INSERT INTO issued_certificate (tenant_id, scope, serial, issue_number, kind, verification_code, content_digest,
                                subject, page_count, substitutions, reprint_of, drill, issued_at, issued_by)
SELECT '012211', 'bench', r."X", '名寄市証明第' || r."X" || '号', 'resident-copy', lpad(CAST(r."X" AS VARCHAR), 12, '0'),
       LOWER(RAWTOHEX(HASH('SHA-256', CAST(r."X" AS VARCHAR)))), 'resident:' || lpad(CAST(r."X" AS VARCHAR), 15, '0'), 1 + MOD(r."X", 3), MOD(r."X", 2),
       CASE WHEN MOD(r."X", 10) = 0 THEN r."X" - 1 END, false, DATEADD('MINUTE', -5 * r."X", CURRENT_TIMESTAMP), 'clerk-' || (MOD(r."X", 20))
  FROM SYSTEM_RANGE(1, 30000) r;
INSERT INTO gaiji_mapping (tenant_id, code_point, substitute, description, updated_at)
SELECT '012211', 983040 + r."X", CASE WHEN MOD(r."X", 4) = 0 THEN NULL ELSE '髙' || r."X" END, '住民 ' || r."X" || ' の氏名の外字', CURRENT_TIMESTAMP
  FROM SYSTEM_RANGE(1, 30000) r;
