package dev.holdfast.platform.database;

import org.jspecify.annotations.Nullable;

/**
 * The connection settings in force: the owner login (migrations) and the application login
 * (everything else). Holds the embedded server, if any, for as long as the context lives.
 */
record DatabaseEndpoints(String url, String ownerUser, String ownerPassword, String appUser, String appPassword,
        @Nullable String appRole, @Nullable EmbeddedPostgres embedded) implements AutoCloseable {

    static final String DEFAULT_APP_ROLE = EmbeddedCredentials.APP;

    static DatabaseEndpoints from(DatabaseProperties props) {
        if (props.embedded()) {
            EmbeddedPostgres server = EmbeddedPostgresRegistry.acquire(props.dataDir(), props.ephemeral());
            EmbeddedCredentials c = server.credentials();
            return new DatabaseEndpoints(server.jdbcUrl(EmbeddedCredentials.DATABASE), EmbeddedCredentials.OWNER,
                    c.ownerPassword(), EmbeddedCredentials.APP, c.appPassword(), null, server);
        }
        if (props.appUser().isBlank()) {
            return new DatabaseEndpoints(props.url(), props.user(), props.password(), props.user(), props.password(),
                    DEFAULT_APP_ROLE, null);
        }
        return new DatabaseEndpoints(props.url(), props.user(), props.password(), props.appUser(), props.appPassword(),
                null, null);
    }

    /** The role the application's statements run as; migrations grant it access and nothing more. */
    String effectiveAppRole() {
        return appRole != null ? appRole : appUser;
    }

    @Override
    public void close() {
        if (embedded != null) {
            EmbeddedPostgresRegistry.release(embedded);
        }
    }

    @Override
    public String toString() {
        return "DatabaseEndpoints[url=" + url + ", owner=" + ownerUser + ", app=" + effectiveAppRole() + "]";
    }
}
