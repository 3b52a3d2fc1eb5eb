package dev.driftgate.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.driftgate.dialect.UnsupportedServerException;
import dev.driftgate.sql.ServerVersion;
import org.junit.jupiter.api.Test;

class MysqlVersionTest {

    @Test
    void acceptsMysql8AndMariaDb105Onwards() {
        MysqlDialect.requireSupported(new ServerVersion("MySQL", 8, 0, "8.0.36"));
        MysqlDialect.requireSupported(new ServerVersion("MySQL", 9, 1, "9.1.0"));
        MysqlDialect.requireSupported(new ServerVersion("MariaDB", 10, 5, "10.5.2"));
        MysqlDialect.requireSupported(new ServerVersion("MariaDB", 11, 4, "11.4.3"));
    }

    @Test
    void refusesOlderServersNamingTheSupportedOnes() {
        var e = assertThrows(UnsupportedServerException.class,
                () -> MysqlDialect.requireSupported(new ServerVersion("MySQL", 5, 7, "5.7.44")));
        assertEquals("MySQL 5.7.44 is not supported; driftgate supports MySQL 8.0 and later and MariaDB 10.5 and later",
                e.getMessage());
        assertThrows(UnsupportedServerException.class,
                () -> MysqlDialect.requireSupported(new ServerVersion("MariaDB", 10, 4, "10.4.34")));
    }
}
