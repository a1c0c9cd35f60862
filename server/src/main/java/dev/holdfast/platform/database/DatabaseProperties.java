package dev.holdfast.platform.database;

import java.nio.file.Path;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the database is. With an empty {@code url} Holdfast runs its own embedded PostgreSQL under
 * {@code dataDir}; otherwise {@code user} is the schema owner that runs migrations and the application
 * connects as {@code appUser} (or, when that is empty, as {@code user} switched to the {@code holdfast_app}
 * role with {@code SET ROLE}), which is not the owner, so row-level security applies to it.
 */
@Validated
@ConfigurationProperties("holdfast.db")
record DatabaseProperties(
        @NotNull @DefaultValue("./holdfast-data") Path dataDir,
        @DefaultValue("") String url,
        @DefaultValue("") String user,
        @DefaultValue("") String password,
        @DefaultValue("") String appUser,
        @DefaultValue("") String appPassword,
        @Min(1) @DefaultValue("20") int poolSize,
        @DefaultValue("false") boolean ephemeral) {

    boolean embedded() {
        return url.isBlank();
    }
}
