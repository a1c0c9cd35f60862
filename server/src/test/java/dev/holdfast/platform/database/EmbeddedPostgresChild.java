package dev.holdfast.platform.database;

import java.nio.file.Path;

/** Run in a separate JVM by {@link EmbeddedPostgresTest}, so that JVM can be killed with SIGKILL. */
public final class EmbeddedPostgresChild {

    private EmbeddedPostgresChild() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.start(Path.of(args[0]), false);
        System.out.println("READY " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
