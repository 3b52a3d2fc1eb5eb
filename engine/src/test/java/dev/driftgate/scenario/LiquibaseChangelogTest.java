package dev.driftgate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftgate.DriftgateException;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.dialect.Dialects;
import dev.driftgate.sql.SqlStatement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Liquibase XML, YAML and JSON changelogs rendered by Liquibase for each dialect, at their files and lines. */
class LiquibaseChangelogTest {

    @TempDir
    Path dir;

    /** Liquibase validates XML changelogs against the schema they name, as every real one does. */
    private static final String NS = "xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog "
            + "http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\"";

    private void write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text.replace("<databaseChangeLog %s>", "<databaseChangeLog " + NS + ">"));
    }

    private static List<String> sql(Script script, Dialect dialect) {
        return script.statements(dialect).stream().map(SqlStatement::sql).toList();
    }

    /** A master XML changelog including a YAML file, a JSON file and a directory (includeAll). */
    private void history() throws Exception {
        write("db.changelog-master.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog %s>
                  <changeSet id="1" author="ada">
                    <createTable tableName="customer">
                      <column name="id" type="int"><constraints primaryKey="true"/></column>
                      <column name="name" type="varchar(100)"/>
                    </createTable>
                  </changeSet>
                  <!-- <changeSet id="2" author="ada"> left in a comment </changeSet> -->
                  <changeSet id="2" author="ada" context="test">
                    <insert tableName="customer"><column name="id" valueNumeric="1"/></insert>
                  </changeSet>
                  <include file="changes/003-orders.yaml" relativeToChangelogFile="true"/>
                  <include file="changes/004-index.json" relativeToChangelogFile="true"/>
                  <includeAll path="more/" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);
        write("changes/003-orders.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: orders
                      author: bo
                      changes:
                        - createTable:
                            tableName: orders
                            columns:
                              - column: {name: id, type: int}
                        - addColumn:
                            tableName: customer
                            columns:
                              - column: {name: email, type: varchar(200)}
                  - changeSet:
                      id: backfill
                      author: bo
                      changes:
                        - sql: UPDATE customer SET email = 'x'
                """);
        write("changes/004-index.json", """
                {"databaseChangeLog": [
                  {"changeSet": {
                    "id": "idx", "author": "cy", "runInTransaction": false,
                    "changes": [{"sql": {"sql": "CREATE INDEX customer_name ON customer (name)"}}],
                    "rollback": [{"sql": {"sql": "DROP INDEX customer_name"}}]
                  }}
                ]}
                """);
        write("more/005-nothing.xml", """
                <databaseChangeLog %s>
                  <changeSet id="5" author="dee">
                    <sql>UPDATE customer SET name = upper(name)</sql>
                    <rollback/>
                  </changeSet>
                </databaseChangeLog>
                """);
    }

    @Test
    void changesetsFromIncludesInChangelogOrderAtTheirFilesAndLines() throws Exception {
        history();
        assertEquals(MigrationLayout.LIQUIBASE, MigrationLayout.detect(dir));
        List<Migration> m = LiquibaseChangelog.read(dir, "db.changelog-master.xml", "postgresql", null, null);
        assertEquals(List.of("1 ada:1", "2 ada:2", "3 bo:orders", "4 bo:backfill", "5 cy:idx", "6 dee:5"),
                m.stream().map(Migration::label).toList());
        // The changeset's own line, not the commented-out one above it.
        assertEquals(3, m.get(0).up().firstLine());
        assertEquals(dir.resolve("db.changelog-master.xml"), m.get(0).up().file());
        assertEquals(10, m.get(1).up().firstLine());
        assertEquals(dir.resolve("changes/003-orders.yaml"), m.get(2).up().file());
        assertEquals(2, m.get(2).up().firstLine());
        assertEquals(14, m.get(3).up().firstLine());
        assertEquals(2, m.get(4).up().firstLine());
        assertEquals(dir.resolve("more/005-nothing.xml"), m.get(5).up().file());
    }

    @Test
    void sqlAndRollbacksAreRenderedForEachDialect() throws Exception {
        history();
        Dialect pg = Dialects.postgres();
        List<Migration> m = LiquibaseChangelog.read(dir, "db.changelog-master.xml", "postgresql", null, null);
        assertEquals(List.of("CREATE TABLE customer (id INTEGER NOT NULL, name VARCHAR(100), CONSTRAINT customer_pkey PRIMARY KEY (id))"),
                sql(m.get(0).up(), pg));
        // Generated by Liquibase where it can: the changes undone in reverse order.
        assertEquals(List.of("DROP TABLE customer"), sql(m.get(0).down(), pg));
        assertEquals(List.of("ALTER TABLE customer DROP COLUMN email", "DROP TABLE orders"), sql(m.get(2).down(), pg));
        // Raw SQL without a rollback of its own has none; an empty rollback has nothing to undo.
        assertNull(m.get(3).down());
        assertTrue(m.get(5).down().isBlank(pg));
        assertTrue(m.get(4).up().sql().startsWith(LiquibaseChangelog.NO_TRANSACTION_MARKER + "\n"));
        assertEquals(List.of("DROP INDEX customer_name"), sql(m.get(4).down(), pg));

        Dialect my = Dialects.mysql();
        List<Migration> mysql = LiquibaseChangelog.read(dir, "db.changelog-master.xml", "mysql", null, null);
        assertEquals(List.of("CREATE TABLE customer (id INT NOT NULL, name VARCHAR(100) NULL, CONSTRAINT PK_CUSTOMER PRIMARY KEY (id))"),
                sql(mysql.get(0).up(), my));
        assertEquals(List.of("ALTER TABLE customer DROP COLUMN email", "DROP TABLE orders"), sql(mysql.get(2).down(), my));
    }

    @Test
    void contextsAndLabelsChooseChangesetsWithoutRenumberingTheRest() throws Exception {
        history();
        List<Migration> m = LiquibaseChangelog.read(dir, "db.changelog-master.xml", "postgresql", "prod", null);
        assertEquals(List.of("1", "3", "4", "5", "6"), m.stream().map(Migration::version).toList());
        assertEquals(6, LiquibaseChangelog.read(dir, "db.changelog-master.xml", "postgresql", "test", null).size());
    }

    @Test
    void formattedSqlRunInTransactionFalseCarriesTheSameMarkerAndKeepsLines() throws Exception {
        write("changelog.sql", """
                --liquibase formatted sql

                --changeset ada:1 runInTransaction:false
                CREATE INDEX CONCURRENTLY a_b ON a (b);
                --rollback DROP INDEX CONCURRENTLY a_b;
                """);
        Migration m = MigrationLayout.LIQUIBASE.read(dir, null, "postgresql").get(0);
        assertTrue(m.up().sql().startsWith(LiquibaseChangelog.NO_TRANSACTION_MARKER + "\n"), m.up().sql());
        assertEquals(4, m.up().statements(Dialects.postgres()).get(0).line());
    }

    @Test
    void aMysqlRoutineBodyIsSetOffByDelimiterAndReadBackWhole() throws Exception {
        write("changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: proc
                      author: ed
                      changes:
                        - createProcedure:
                            procedureName: touch
                            procedureBody: "CREATE PROCEDURE touch() BEGIN SELECT 1; SELECT 2; END"
                """);
        List<Migration> m = LiquibaseChangelog.read(dir, "changelog.yaml", "mysql", null, null);
        assertEquals(List.of("CREATE PROCEDURE touch() BEGIN SELECT 1; SELECT 2; END"), sql(m.get(0).up(), Dialects.mysql()));
    }

    @Test
    void aChangesetLiquibaseRefusesNamesFileLineAndChangeset() throws Exception {
        // XML: the schema refuses it while parsing, at a line inside the changeset.
        write("changelog.xml", """
                <databaseChangeLog %s>
                  <changeSet id="1" author="ada">
                    <sql>SELECT 1</sql>
                  </changeSet>
                  <changeSet id="2" author="ada">
                    <addColumn tableName="customer"/>
                  </changeSet>
                </databaseChangeLog>
                """);
        DriftgateException e = assertThrows(DriftgateException.class,
                () -> LiquibaseChangelog.read(dir, "changelog.xml", "postgresql", null, null));
        assertTrue(e.getMessage().startsWith(dir.resolve("changelog.xml") + ":6: changeset ada:2 (line 5): "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        // YAML has no schema: the change's own validation refuses it.
        write("changelog.yaml", """
                databaseChangeLog:
                  - changeSet: {id: '1', author: ada, changes: [{sql: {sql: SELECT 1}}]}
                  - changeSet:
                      id: '2'
                      author: ada
                      changes:
                        - addColumn: {tableName: customer}
                """);
        e = assertThrows(DriftgateException.class, () -> LiquibaseChangelog.read(dir, "changelog.yaml", "mysql", null, null));
        assertTrue(e.getMessage().startsWith(dir.resolve("changelog.yaml") + ":3: changeset ada:2: "), e.getMessage());
        assertTrue(e.getMessage().contains("No columns defined for addColumn"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void malformedChangelogsAndDuplicatesAreOneLineNamingTheFile() throws Exception {
        write("broken.xml", """
                <databaseChangeLog %s>
                  <changeSet id="1" author="ada">
                    <sql>SELECT 1</sql>
                </databaseChangeLog>
                """);
        DriftgateException e = assertThrows(DriftgateException.class,
                () -> LiquibaseChangelog.read(dir, "broken.xml", "postgresql", null, null));
        assertTrue(e.getMessage().startsWith(dir.resolve("broken.xml") + ":4: changeset ada:1 (line 2): "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());

        write("twice.yaml", """
                databaseChangeLog:
                  - changeSet: {id: a, author: ada, changes: [{sql: {sql: SELECT 1}}]}
                  - changeSet: {id: a, author: ada, changes: [{sql: {sql: SELECT 2}}]}
                """);
        e = assertThrows(DriftgateException.class, () -> LiquibaseChangelog.read(dir, "twice.yaml", "mysql", null, null));
        assertTrue(e.getMessage().startsWith(dir.resolve("twice.yaml") + ":3: changeset ada:a: a second changeset"),
                e.getMessage());
    }
}
