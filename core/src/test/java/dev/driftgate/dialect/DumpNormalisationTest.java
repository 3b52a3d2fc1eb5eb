package dev.driftgate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.driftgate.dialect.mysql.MariadbDump;
import dev.driftgate.dialect.postgres.PgDump;
import org.junit.jupiter.api.Test;

/**
 * The dump oracle's normalisation takes out exactly what docs/snapshot-format.md lists as
 * equivalent, and nothing else: two dumps that differ in anything else stay different.
 */
class DumpNormalisationTest {

    private static final String PG = """
            --
            -- PostgreSQL database dump
            --

            \\restrict KEY1

            -- Dumped from database version 15.20
            -- Dumped by pg_dump version 15.20

            SET statement_timeout = 0;

            --
            -- Name: t; Type: TABLE; Schema: public; Owner: -
            --

            CREATE TABLE public.t (
                id integer,
                name text,
                CONSTRAINT t_id_check CHECK ((id > 0))
            );

            --
            -- Name: f(); Type: FUNCTION; Schema: public; Owner: -
            --

            CREATE FUNCTION public.f() RETURNS integer
                LANGUAGE sql
                AS $$
            -- a comment in the body
            SELECT 1$$;

            \\unrestrict KEY1
            """;

    @Test
    void pgDumpHeadersKeysOrderColumnOrderAndGeneratedNamesAreEquivalent() {
        String other = PG.replace("KEY1", "KEY2").replace("15.20", "18.1")
                .replace("    id integer,\n    name text,", "    name text,\n    id integer,")
                .replace("t_id_check", "t_id_check1");
        // The two objects in the other order, as a database built in another order dumps them.
        int function = other.indexOf("--\n-- Name: f()");
        int end = other.indexOf("\\unrestrict");
        int table = other.indexOf("--\n-- Name: t;");
        other = other.substring(0, table) + other.substring(function, end) + other.substring(table, function)
                + other.substring(end);
        PgDump dump = new PgDump();
        assertEquals(dump.normalise(PG), dump.normalise(other));
    }

    /** pagila's {@code ALTER SCHEMA public OWNER TO postgres}: an owner, which the judge leaves out. */
    @Test
    void pgDumpPublicSchemaOwnerNoteIsEquivalent() {
        String note = """
                --
                -- Name: public; Type: SCHEMA; Schema: -; Owner: -
                --

                -- *not* creating schema, since initdb creates it


                """;
        String withNote = PG.replace("--\n-- Name: t;", note + "--\n-- Name: t;");
        PgDump dump = new PgDump();
        assertEquals(dump.normalise(PG), dump.normalise(withNote));
        assertNotEquals(dump.normalise(PG), dump.normalise(withNote.replace("-- *not* creating schema, since initdb creates it",
                "CREATE SCHEMA public;")));
    }

    @Test
    void pgDumpKeepsEverythingElse() {
        PgDump dump = new PgDump();
        assertNotEquals(dump.normalise(PG), dump.normalise(PG.replace("-- a comment in the body", "-- another")));
        assertNotEquals(dump.normalise(PG), dump.normalise(PG.replace("SELECT 1$$", "SELECT 1 $$")));
        assertNotEquals(dump.normalise(PG), dump.normalise(PG.replace("(id > 0)", "(id >= 0)")));
        assertNotEquals(dump.normalise(PG), dump.normalise(PG.replace("    name text,\n", "")));
    }

    private static final String MARIADB = """
            /*M!999999\\- enable the sandbox mode */
            -- MariaDB dump 10.19  Distrib 10.11.14-MariaDB, for debian-linux-gnu (x86_64)
            --
            -- Host: 127.0.0.1    Database: dg_1
            /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;

            --
            -- Table structure for table `t`
            --

            /*!40101 SET @saved_cs_client     = @@character_set_client */;
            CREATE TABLE `t` (
              `id` int(11) NOT NULL AUTO_INCREMENT,
              PRIMARY KEY (`id`)
            ) ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4;
            /*!40101 SET character_set_client = @saved_cs_client */;
            -- Dump completed
            """;

    @Test
    void mariadbDumpHeadersAndCountersAreEquivalent() {
        MariadbDump dump = new MariadbDump();
        String other = MARIADB.replace("dg_1", "dg_2").replace("AUTO_INCREMENT=42", "AUTO_INCREMENT=1");
        assertEquals(dump.normalise(MARIADB), dump.normalise(other));
        String event = "/*!50106 CREATE*/ /*!50106 EVENT `purge` ON SCHEDULE EVERY 1 DAY STARTS '%s' ON COMPLETION"
                + " PRESERVE DISABLE DO DELETE FROM t */ ;;\n";
        assertEquals(dump.normalise(MARIADB + event.formatted("2026-12-03 15:37:10")),
                dump.normalise(MARIADB + event.formatted("2026-12-03 15:37:09")));
        assertNotEquals(dump.normalise(MARIADB + event.formatted("x")),
                dump.normalise(MARIADB + event.formatted("x").replace("1 DAY", "2 DAY")));
        assertNotEquals(dump.normalise(MARIADB), dump.normalise(MARIADB.replace("ENGINE=InnoDB", "ENGINE=Aria")));
        assertNotEquals(dump.normalise(MARIADB), dump.normalise(MARIADB.replace("NOT NULL AUTO_INCREMENT", "NOT NULL")));
    }

    @Test
    void mariadbGeneratedForeignKeyAndKeyNamesAreEquivalentNamedOnesAreNot() {
        MariadbDump dump = new MariadbDump();
        String made = """
                CREATE TABLE `c` (
                  `id` int(11) NOT NULL,
                  `p_id` int(11) DEFAULT NULL,
                  PRIMARY KEY (`id`),
                  KEY `%s` (`p_id`),
                  CONSTRAINT `%s` FOREIGN KEY (`p_id`) REFERENCES `p` (`id`)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
                """;
        assertEquals(dump.normalise(made.formatted("c_ibfk_7", "c_ibfk_7")),
                dump.normalise(made.formatted("p_id", "c_ibfk_1")));
        assertNotEquals(dump.normalise(made.formatted("by_parent", "c_ibfk_1")),
                dump.normalise(made.formatted("p_id", "c_ibfk_1")), "a key named by hand is its own name");
        assertNotEquals(dump.normalise(made.formatted("p_id", "fk_parent")),
                dump.normalise(made.formatted("p_id", "c_ibfk_1")), "a constraint named by hand is its own name");
    }
}
