-- A tenant table that exists only in tests, to prove the row-level-security mechanism itself.
CREATE TABLE IF NOT EXISTS test_rls_probe
(
    tenant_id uuid   NOT NULL,
    id        bigint GENERATED ALWAYS AS IDENTITY,
    label     text   NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE tablename = 'test_rls_probe' AND policyname = 'tenant_isolation') THEN
        PERFORM enable_tenant_isolation('test_rls_probe');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE tablename = 'test_rls_probe' AND policyname = 'installation_read') THEN
        PERFORM enable_installation_read('test_rls_probe');
    END IF;
END
$$;
