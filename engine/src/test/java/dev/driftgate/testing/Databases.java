package dev.driftgate.testing;

import dev.driftgate.dialect.Dialects;
import dev.driftgate.provision.DatabaseServer;
import dev.driftgate.provision.EmbeddedServers;
import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.sql.ConnectionSettings;
import dev.driftgate.sql.ScriptRunner;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Throwaway databases loaded with a script, for tests. */
public final class Databases {

    private Databases() {}

    public static ThrowawayDatabase loaded(Target target, Path... scripts) throws SQLException {
        ThrowawayDatabase db = target.server().createThrowaway();
        try (Connection c = db.connect()) {
            for (Path script : scripts) {
                ScriptRunner.run(c, target.server().dialect().splitScript(ScriptRunner.read(script), script.toString()));
            }
        } catch (RuntimeException | SQLException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /**
     * Fails when a throwaway database of this process is still on an embedded server: what a
     * finished gate run must leave (it drops every copy it made).
     */
    public static void assertNoThrowawayLeft() throws SQLException {
        String mine = ThrowawayDatabase.PREFIX + "%_" + ProcessHandle.current().pid() + "_%";
        for (DatabaseServer server : List.of(EmbeddedServers.shared(Dialects.postgres()), EmbeddedServers.shared(Dialects.mysql()))) {
            List<String> left = new ArrayList<>();
            try (Connection c = server.connect(server.dialect().maintenanceDatabase());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(server.dialect().listDatabasesSql(ThrowawayDatabase.PREFIX))) {
                while (rs.next()) {
                    if (rs.getString(1).matches(mine.replace("%", ".*"))) {
                        left.add(rs.getString(1));
                    }
                }
            }
            if (!left.isEmpty()) {
                throw new AssertionError("throwaway databases left on " + server.description() + ": " + left);
            }
        }
    }

    public static ConnectionSettings settings(Target target) {
        return target.server().adminSettings();
    }
}
