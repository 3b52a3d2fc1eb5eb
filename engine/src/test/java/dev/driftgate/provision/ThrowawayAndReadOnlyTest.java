package dev.driftgate.provision;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftgate.testing.Target;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ThrowawayAndReadOnlyTest {

    private static List<String> databases(DatabaseServer server) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = server.connect(server.dialect().maintenanceDatabase());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(server.dialect().listDatabasesSql(ThrowawayDatabase.PREFIX))) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void throwawayDatabasesAreNamedWithThePrefixAndDropped(Target target) throws Exception {
        DatabaseServer server = target.server();
        String name;
        try (ThrowawayDatabase db = server.createThrowaway()) {
            name = db.name();
            assertTrue(name.matches("dg_\\d+_\\d+_l\\d+"), name);
            assertTrue(databases(server).contains(name));
        }
        assertFalse(databases(server).contains(name), name + " still exists");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void theIntrospectionTransactionRefusesWrites(Target target) throws Exception {
        DatabaseServer server = target.server();
        try (ThrowawayDatabase db = server.createThrowaway(); Connection c = db.connect()) {
            server.dialect().beginReadOnly(c, server.adminSettings());
            try (Statement s = c.createStatement()) {
                SQLException e = assertThrows(SQLException.class, () -> s.execute("CREATE TABLE intruder (i int)"));
                assertTrue(e.getMessage().toLowerCase().contains("read")
                        || e.getMessage().toLowerCase().contains("transaction"), e.getMessage());
            }
            c.rollback();
        }
    }
}
