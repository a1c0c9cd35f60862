-- Tenancy and row-level security, shared by every module.
--
-- The schema owner (who runs these migrations) owns every table. The application connects as
-- ${appRole}, which owns nothing: it gets DML rights only, and FORCE ROW LEVEL SECURITY applies
-- to it on every tenant table.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${appRole}') THEN
        CREATE ROLE ${appRole} NOLOGIN;
        EXECUTE format('GRANT ${appRole} TO %I', current_user);
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO ${appRole};

-- The tenant of the current transaction, set by the application with
-- set_config('app.tenant_id', <uuid>, true) (= SET LOCAL). NULL when unset: no row matches.
CREATE FUNCTION current_tenant_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

-- The one line every tenant-owned table gets in its migration:
--     SELECT enable_tenant_isolation('assets');
-- The table must have a tenant_id uuid column. Rows of other tenants are invisible and cannot be
-- inserted, updated into or deleted, even by hand-written SQL, as long as the role is not the owner
-- (FORCE also binds the owner, except superusers and BYPASSRLS roles).
CREATE FUNCTION enable_tenant_isolation(target regclass) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
    EXECUTE format('CREATE POLICY tenant_isolation ON %s USING (tenant_id = current_tenant_id()) '
                   'WITH CHECK (tenant_id = current_tenant_id())', target);
END
$$;
REVOKE EXECUTE ON FUNCTION enable_tenant_isolation(regclass) FROM PUBLIC, ${appRole};
