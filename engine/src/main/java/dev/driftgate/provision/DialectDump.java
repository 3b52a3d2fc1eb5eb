package dev.driftgate.provision;

import dev.driftgate.DriftgateException;
import dev.driftgate.database.LiveDatabase;
import dev.driftgate.sql.ServerVersion;
import dev.driftgate.sql.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The dialect's own dump of a database on a server, normalised: see {@link dev.driftgate.dialect.SchemaDumper}. */
public final class DialectDump {

    private DialectDump() {}

    /** The server's version as it reports it. */
    public static ServerVersion version(DatabaseServer server) {
        try (Connection c = server.connect(server.dialect().maintenanceDatabase())) {
            return server.dialect().checkServerVersion(c);
        } catch (SQLException e) {
            throw new DriftgateException(server.description() + ": cannot read the server version: "
                    + SqlErrors.describe(e), e);
        }
    }

    /** Why this server's databases cannot be dumped here, or empty. */
    public static Optional<String> unavailable(DatabaseServer server) {
        return server.dialect().schemaDumper().unavailable(version(server));
    }

    public static String of(DatabaseServer server, String database) {
        return server.dialect().schemaDumper().dump(server.host(), server.port(), database, server.adminSettings(),
                version(server));
    }

    /**
     * The lines of two normalised dumps that are not in the other (as multisets: blocks are sorted,
     * so a position says little), {@code - } for EXPECTED's, {@code + } for ACTUAL's.
     */
    public static List<String> differingLines(String expected, String actual) {
        Map<String, Integer> count = new HashMap<>();
        for (String line : actual.split("\n")) {
            count.merge(line, 1, Integer::sum);
        }
        List<String> out = new ArrayList<>();
        for (String line : expected.split("\n")) {
            if (count.merge(line, -1, Integer::sum) < 0) {
                out.add("- " + line.strip());
            }
        }
        for (String line : actual.split("\n")) {
            if (count.getOrDefault(line, 0) > 0) {
                count.merge(line, -1, Integer::sum);
                out.add("+ " + line.strip());
            }
        }
        return out;
    }

    /** The first lines in which two normalised dumps differ, for a one-line reason; empty when equal. */
    public static Optional<String> firstDifference(String expected, String actual) {
        if (expected.equals(actual)) {
            return Optional.empty();
        }
        List<String> lines = differingLines(expected, actual);
        if (lines.isEmpty()) {
            return Optional.of("the same lines in another order");
        }
        return Optional.of(lines.size() + " line(s) differ: " + String.join(" | ", lines.subList(0, Math.min(4, lines.size()))));
    }
}
