package dev.driftgate.gate;

import dev.driftgate.dialect.Dialect;
import dev.driftgate.provision.DatabaseServer;
import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.scenario.Script;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

/**
 * A baseline kept on a persistent server between runs, as a database named after a hash of
 * everything that built it ({@code dg_base_<hash>}): a run whose baseline has not changed copies
 * it instead of applying hundreds of migrations. A changed script is a new name, so a cache is
 * never stale; old ones are dropped by hand or by the server's owner.
 */
final class BaselineCache {

    static final String PREFIX = "dg_base_";

    private BaselineCache() {}

    /** The cache's name: the dialect and every script's text, in order, hashed. */
    static String name(Dialect dialect, List<Script> scripts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(dialect.name().getBytes(StandardCharsets.UTF_8));
            for (Script s : scripts) {
                sha.update((byte) 0);
                sha.update(s.sql().replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            }
            return PREFIX + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static boolean exists(DatabaseServer server, String name) throws SQLException {
        try (Connection admin = server.connect(server.dialect().maintenanceDatabase());
                Statement s = admin.createStatement();
                ResultSet rs = s.executeQuery(server.dialect().listDatabasesSql(name))) {
            while (rs.next()) {
                if (rs.getString(1).equals(name)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Copies a database that holds the applied baseline into the cache. The copy is made whole or
     * not at all, so a cache is never half-built; a run that loses the race to another uses theirs.
     */
    static void store(DatabaseServer server, ThrowawayDatabase built, String name) throws SQLException {
        try {
            ThrowawayDatabase.copyDatabase(server, built.name(), name);
        } catch (SQLException e) {
            if (!exists(server, name)) {
                throw e;
            }
        }
    }
}
