-- The application works as jc_app: not the owner of any table, no BYPASSRLS, so row-level
-- security applies to every statement it runs. Roles are per cluster: create it once.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jc_app') THEN
        CREATE ROLE jc_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL; -- another database of the same cluster created it at the same moment
END
$$;
DO $$
BEGIN
    EXECUTE format('GRANT jc_app TO %I', current_user);
EXCEPTION WHEN OTHERS THEN
    NULL; -- superusers may SET ROLE without membership; a grant to oneself can fail harmlessly
END
$$;
