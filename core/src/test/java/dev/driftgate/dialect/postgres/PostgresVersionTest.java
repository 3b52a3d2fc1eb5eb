package dev.driftgate.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.driftgate.dialect.UnsupportedServerException;
import dev.driftgate.sql.ServerVersion;
import org.junit.jupiter.api.Test;

class PostgresVersionTest {

    @Test
    void acceptsThirteenToEighteen() {
        for (int major = 13; major <= 18; major++) {
            assertEquals(major, PostgresDialect.requireSupported(new ServerVersion("PostgreSQL", major, 0, major + ".0")).major());
        }
    }

    @Test
    void refusesOlderAndNewerNamingTheSupportedRange() {
        var old = assertThrows(UnsupportedServerException.class,
                () -> PostgresDialect.requireSupported(new ServerVersion("PostgreSQL", 12, 18, "12.18")));
        assertEquals("PostgreSQL 12.18 is not supported; driftgate supports PostgreSQL 13 to 18", old.getMessage());
        assertThrows(UnsupportedServerException.class,
                () -> PostgresDialect.requireSupported(new ServerVersion("PostgreSQL", 19, 0, "19devel")));
    }
}
