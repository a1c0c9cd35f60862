package dev.holdfast.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Who this JVM runs as, and the ids of the unprivileged user that runs PostgreSQL instead of root. */
final class ProcessUser {

    private ProcessUser() {
    }

    static boolean isRoot() {
        return "0".equals(id("-u", null));
    }

    static EmbeddedPostgres.RunAs lookup(String user) {
        return new EmbeddedPostgres.RunAs(user, Integer.parseInt(id("-u", user)), Integer.parseInt(id("-g", user)));
    }

    private static String id(String flag, String user) {
        try {
            Process p = (user == null ? new ProcessBuilder("id", flag) : new ProcessBuilder("id", flag, user))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("'id " + flag + (user == null ? "" : " " + user) + "' failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run 'id': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
