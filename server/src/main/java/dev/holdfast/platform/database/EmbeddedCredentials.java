package dev.holdfast.platform.database;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Passwords of the embedded cluster's roles, generated on first start and kept in
 * {@code <dataDir>/embedded-postgres.properties} (readable by the JVM's user only).
 */
public record EmbeddedCredentials(String superuserPassword, String ownerPassword, String appPassword) {

    static final String SUPERUSER = "postgres";
    public static final String OWNER = "holdfast_owner";
    public static final String APP = "holdfast_app";
    public static final String DATABASE = "holdfast";

    static EmbeddedCredentials loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve("embedded-postgres.properties");
        Properties props = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                props.load(r);
            }
        } else {
            props.setProperty("superuser", random());
            props.setProperty("owner", random());
            props.setProperty("app", random());
            Path tmp = dataDir.resolve("embedded-postgres.properties.tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    PostgresBinaries.permissions(0600)));
            try (Writer w = Files.newBufferedWriter(tmp, StandardOpenOption.TRUNCATE_EXISTING)) {
                props.store(w, "Holdfast embedded PostgreSQL credentials - keep secret");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return new EmbeddedCredentials(props.getProperty("superuser"), props.getProperty("owner"),
                props.getProperty("app"));
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "EmbeddedCredentials[redacted]";
    }
}
