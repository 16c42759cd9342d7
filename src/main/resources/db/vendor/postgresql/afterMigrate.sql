-- After every migration: each table with a tenant_id column is tenant-owned. Row-level security
-- limits every statement of jc_app to the tenant bound to the transaction (SET LOCAL jc.tenant_id),
-- so that a query missing its "WHERE tenant_id = ?" still cannot read or write another town's rows.
-- A partitioned table counts as one table (information_schema lists it as a BASE TABLE); its partitions get
-- row-level security and the policy too, but no grant.
DO $$
DECLARE
    owned record;
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO jc_app', current_schema());
    FOR owned IN
        SELECT c.table_name
          FROM information_schema.columns c
          JOIN information_schema.tables t
            ON t.table_schema = c.table_schema AND t.table_name = c.table_name
         WHERE c.table_schema = current_schema()
           AND c.column_name = 'tenant_id'
           AND t.table_type = 'BASE TABLE'
    LOOP
        -- Only where it is off: ENABLE takes an ACCESS EXCLUSIVE lock even when nothing changes, and this runs at
        -- every start of the service and of every ./jc tool, so that one long query of any town would make the
        -- tool wait and every statement of the service queue behind it. (GRANT, REVOKE and CREATE POLICY take no
        -- lock that a query holds.)
        IF NOT (SELECT k.relrowsecurity FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace
                 WHERE n.nspname = current_schema() AND k.relname = owned.table_name) THEN
            EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', owned.table_name);
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_policies
                        WHERE schemaname = current_schema() AND tablename = owned.table_name
                          AND policyname = 'tenant_isolation') THEN
            EXECUTE format('CREATE POLICY tenant_isolation ON %I
                              USING (tenant_id = current_setting(''jc.tenant_id'', true))
                              WITH CHECK (tenant_id = current_setting(''jc.tenant_id'', true))',
                           owned.table_name);
        END IF;
        IF EXISTS (SELECT 1 FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace
                    WHERE n.nspname = current_schema() AND k.relname = owned.table_name AND k.relispartition) THEN
            -- A partition (resident_search_key's, one per imported town): jc_app reads and writes through the
            -- partitioned parent, under the parent's policy, and needs no grant here.
            EXECUTE format('REVOKE ALL ON %I FROM jc_app', owned.table_name);
        ELSIF owned.table_name = 'audit_log' THEN
            -- append-only for the application: no UPDATE, no DELETE
            EXECUTE format('GRANT SELECT, INSERT ON %I TO jc_app', owned.table_name);
        ELSE
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO jc_app', owned.table_name);
        END IF;
    END LOOP;
    -- Provider tables (no tenant_id), such as the tenant register and the user accounts.
    FOR owned IN
        SELECT t.table_name
          FROM information_schema.tables t
         WHERE t.table_schema = current_schema()
           AND t.table_type = 'BASE TABLE'
           AND t.table_name <> 'flyway_schema_history'
           AND NOT EXISTS (SELECT 1 FROM information_schema.columns c
                            WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
                              AND c.column_name = 'tenant_id')
    LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO jc_app', owned.table_name);
    END LOOP;
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO jc_app', current_schema());
END
$$;
