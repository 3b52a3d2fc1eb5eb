package dev.driftgate.database;

import dev.driftgate.DriftgateException;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.dialect.SqlStatement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Runs SQL scripts statement by statement, so that a failure names its file, line and statement. */
public final class ScriptRunner {

    private ScriptRunner() {}

    public static int runFile(Connection connection, Dialect dialect, Path file) {
        String script;
        try {
            script = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DriftgateException(file + ": cannot read: " + e.getMessage(), e);
        }
        return run(connection, dialect.splitScript(script, file.toString()));
    }

    public static int run(Connection connection, List<SqlStatement> statements) {
        try (Statement s = connection.createStatement()) {
            for (SqlStatement statement : statements) {
                try {
                    s.execute(statement.sql());
                } catch (SQLException e) {
                    throw new DriftgateException(statement.location() + ": statement " + statement.ordinal()
                            + " failed: " + LiveDatabase.describe(e) + " -- " + statement.summary(), e);
                }
            }
        } catch (SQLException e) {
            throw new DriftgateException("cannot run script: " + LiveDatabase.describe(e), e);
        }
        return statements.size();
    }
}
