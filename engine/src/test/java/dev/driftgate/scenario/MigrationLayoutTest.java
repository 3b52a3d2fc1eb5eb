package dev.driftgate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftgate.DriftgateException;
import dev.driftgate.dialect.Dialects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every layout read from files as its own tool writes them, and the errors for what does not fit. */
class MigrationLayoutTest {

    @TempDir
    Path dir;

    private void write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static List<String> labels(List<Migration> migrations) {
        return migrations.stream().map(Migration::label).toList();
    }

    @Test
    void flywayVersionsOrderNumericallyWithUndoAndRepeatables() throws Exception {
        write("V1__init.sql", "CREATE TABLE a (id int);");
        write("V1_10__later.sql", "SELECT 1;");
        write("V1_9__earlier.sql", "SELECT 1;");
        write("U1__init.sql", "DROP TABLE a;");
        write("R__views.sql", "SELECT 2;");
        assertEquals(MigrationLayout.FLYWAY, MigrationLayout.detect(dir));
        List<Migration> m = MigrationLayout.FLYWAY.read(dir, null, "postgresql");
        assertEquals(List.of("1 init", "1.9 earlier", "1.10 later", "R views"), labels(m));
        assertEquals("DROP TABLE a;", m.get(0).down().sql());
        assertNull(m.get(1).down());
        assertTrue(m.get(3).repeatable());
    }

    @Test
    void golangMigrateUpAndDownFiles() throws Exception {
        write("000002_add.up.sql", "ALTER TABLE a ADD b int;");
        write("000002_add.down.sql", "ALTER TABLE a DROP b;");
        write("000001_init.up.sql", "CREATE TABLE a (id int);");
        assertEquals(MigrationLayout.GOLANG_MIGRATE, MigrationLayout.detect(dir));
        List<Migration> m = MigrationLayout.GOLANG_MIGRATE.read(dir, null, "mysql");
        assertEquals(List.of("000001 init", "000002 add"), labels(m));
        assertEquals("ALTER TABLE a DROP b;", m.get(1).down().sql());
    }

    @Test
    void aDialectSpecificFileWinsOverTheGenericOneAndMarksAreRead() throws Exception {
        write("20240101000000_init.up.sql", "CREATE TABLE a (id int);");
        write("20240102000000_idx.up.sql", "CREATE INDEX i ON a (id);");
        write("20240102000000_idx.postgresql.autocommit.up.sql", "CREATE INDEX CONCURRENTLY i ON a (id);");
        write("20240102000000_idx.mariadb.up.sql", "CREATE INDEX i ON a (id) ALGORITHM=INPLACE;");
        write("20240102000000_idx.down.sql", "-- nothing to undo\n");
        List<Migration> pg = MigrationLayout.GOLANG_MIGRATE.read(dir, null, "postgresql");
        assertEquals(List.of("20240101000000 init", "20240102000000 idx"), labels(pg));
        assertEquals("CREATE INDEX CONCURRENTLY i ON a (id);", pg.get(1).up().sql());
        assertTrue(pg.get(1).up().outsideTransaction());
        assertTrue(pg.get(1).hasRollback() && pg.get(1).emptyRollback(Dialects.postgres()));
        List<Migration> my = MigrationLayout.GOLANG_MIGRATE.read(dir, null, "mysql");
        assertEquals("CREATE INDEX i ON a (id) ALGORITHM=INPLACE;", my.get(1).up().sql());
        assertTrue(!my.get(1).up().outsideTransaction());
        write("20240102000000_idx.pg.up.sql", "SELECT 1;");
        String twice = assertThrows(DriftgateException.class, () -> MigrationLayout.GOLANG_MIGRATE.read(dir, null, "postgresql"))
                .getMessage();
        assertTrue(twice.contains("a second migration with the version of"), twice);
    }

    @Test
    void dbmateSectionsKeepTheirRealLines() throws Exception {
        write("20240101000000_init.sql", "-- migrate:up\nCREATE TABLE a (id int);\n\nCREATE TABLE b (id int);\n\n-- migrate:down\nDROP TABLE b;\nDROP TABLE a;\n");
        assertEquals(MigrationLayout.DBMATE, MigrationLayout.detect(dir));
        Migration m = MigrationLayout.DBMATE.read(dir, null, "postgresql").get(0);
        var up = m.up().statements(Dialects.postgres());
        assertEquals(List.of(2, 4), up.stream().map(s -> s.line()).toList());
        assertEquals(7, m.down().statements(Dialects.postgres()).get(0).line());
    }

    @Test
    void dieselDirectories() throws Exception {
        write("2024-01-01-000000_init/up.sql", "CREATE TABLE a (id int);");
        write("2024-01-01-000000_init/down.sql", "DROP TABLE a;");
        write("2024-02-01-000000_more/up.sql", "CREATE TABLE b (id int);");
        assertEquals(MigrationLayout.DIESEL, MigrationLayout.detect(dir));
        List<Migration> m = MigrationLayout.DIESEL.read(dir, null, "postgresql");
        assertEquals(List.of("2024-01-01-000000 init", "2024-02-01-000000 more"), labels(m));
        assertNull(m.get(1).down());
    }

    @Test
    void liquibaseChangesetsWithRollbackLines() throws Exception {
        write("changelog.sql", """
                --liquibase formatted sql

                --changeset ada:1
                CREATE TABLE a (id int);
                --rollback DROP TABLE a;

                --changeset ada:2
                ALTER TABLE a ADD COLUMN b int;
                --rollback ALTER TABLE a DROP COLUMN b;
                """);
        assertEquals(MigrationLayout.LIQUIBASE, MigrationLayout.detect(dir));
        List<Migration> m = MigrationLayout.LIQUIBASE.read(dir, null, "postgresql");
        assertEquals(List.of("1 ada:1", "2 ada:2"), labels(m));
        assertEquals("DROP TABLE a;", m.get(0).down().sql().strip());
        assertEquals(8, m.get(1).up().statements(Dialects.postgres()).get(0).line());
        assertEquals(9, m.get(1).down().statements(Dialects.postgres()).get(0).line());
    }

    @Test
    void aPatternWithADialectPartReadsOnlyThatDialect() throws Exception {
        write("7-add-x.pg.up.sql", "SELECT 1;");
        write("7-add-x.pg.undo.sql", "SELECT 2;");
        write("7-add-x.my.up.sql", "SELECT 3;");
        List<Migration> m = MigrationLayout.PATTERN.read(dir,
                "(?<version>\\d+)-(?<name>[a-z-]+)\\.(?<dialect>pg|my)\\.(?<direction>up|undo)\\.sql", "postgresql");
        assertEquals(1, m.size());
        assertEquals("SELECT 1;", m.get(0).up().sql());
        assertEquals("SELECT 2;", m.get(0).down().sql());
    }

    @Test
    void mistakesNameTheFile() throws Exception {
        write("V1__a.sql", "SELECT 1;");
        write("V01__b.sql", "SELECT 1;");
        DriftgateException twice = assertThrows(DriftgateException.class, () -> MigrationLayout.FLYWAY.read(dir, null, "postgresql"));
        assertTrue(twice.getMessage().contains("a second migration with the version of"), twice.getMessage());
        Files.delete(dir.resolve("V01__b.sql"));
        write("U2__orphan.sql", "SELECT 1;");
        DriftgateException orphan = assertThrows(DriftgateException.class, () -> MigrationLayout.FLYWAY.read(dir, null, "postgresql"));
        assertTrue(orphan.getMessage().endsWith("U2__orphan.sql: a rollback without its migration (version 2)"), orphan.getMessage());
        Files.delete(dir.resolve("U2__orphan.sql"));
        write("notes.sql", "SELECT 1;");
        DriftgateException stray = assertThrows(DriftgateException.class, () -> MigrationLayout.FLYWAY.read(dir, null, "postgresql"));
        assertTrue(stray.getMessage().contains("notes.sql: not a Flyway migration name"), stray.getMessage());
    }
}
