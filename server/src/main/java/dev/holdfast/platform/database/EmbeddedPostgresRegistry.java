package dev.holdfast.platform.database;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One embedded server per data directory per JVM, shared by every Spring context that asks for it
 * (tests start many contexts) and stopped when the last one lets go.
 */
final class EmbeddedPostgresRegistry {

    private static final Map<Path, Entry> servers = new HashMap<>();

    private static final class Entry {
        final EmbeddedPostgres server;
        int users;

        Entry(EmbeddedPostgres server) {
            this.server = server;
        }
    }

    private EmbeddedPostgresRegistry() {
    }

    static synchronized EmbeddedPostgres acquire(Path dataDir, boolean ephemeral) {
        Path key = dataDir.toAbsolutePath().normalize();
        Entry entry = servers.get(key);
        if (entry == null || !entry.server.isRunning()) {
            entry = new Entry(EmbeddedPostgres.start(key, ephemeral && entry == null));
            servers.put(key, entry);
        }
        entry.users++;
        return entry.server;
    }

    static synchronized void release(EmbeddedPostgres server) {
        servers.entrySet().removeIf(e -> {
            if (e.getValue().server != server) {
                return false;
            }
            if (--e.getValue().users > 0) {
                return false;
            }
            server.close();
            return true;
        });
    }
}
