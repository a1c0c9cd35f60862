-- Installation-wide reads for the operator: a transaction started by the application inside
-- TenantContext.callInstallationWide(...) sets app.installation_scope = 'on'.
CREATE FUNCTION installation_scope() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT coalesce(current_setting('app.installation_scope', true), '') = 'on' $$;

-- Adds a read-only policy to a tenant table (after enable_tenant_isolation) so the operator's
-- installation-wide views can read every company's rows. Writes stay bound to the tenant.
CREATE FUNCTION enable_installation_read(target regclass) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    EXECUTE format('CREATE POLICY installation_read ON %s FOR SELECT USING (installation_scope())', target);
END
$$;
REVOKE EXECUTE ON FUNCTION enable_installation_read(regclass) FROM PUBLIC, ${appRole};
