package dev.driftgate.testing;

import dev.driftgate.database.ScriptRunner;
import dev.driftgate.database.ThrowawayDatabase;
import dev.driftgate.dialect.ConnectionSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** Throwaway databases loaded with a script, for tests. */
public final class Databases {

    private Databases() {}

    public static ThrowawayDatabase loaded(Target target, Path... scripts) throws SQLException {
        ThrowawayDatabase db = target.server().createThrowaway();
        try (Connection c = db.connect()) {
            for (Path script : scripts) {
                ScriptRunner.runFile(c, target.server().dialect(), script);
            }
        } catch (RuntimeException | SQLException e) {
            db.close();
            throw e;
        }
        return db;
    }

    public static ConnectionSettings settings(Target target) {
        return target.server().adminSettings();
    }
}
