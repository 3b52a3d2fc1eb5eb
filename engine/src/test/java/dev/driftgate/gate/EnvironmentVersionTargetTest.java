package dev.driftgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.driftgate.DriftgateException;
import dev.driftgate.config.Settings;
import dev.driftgate.dialect.Dialects;
import dev.driftgate.scenario.Scenario;
import dev.driftgate.scenario.ScenarioLoader;
import dev.driftgate.scenario.TargetSpec;
import dev.driftgate.testing.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code embedded:<environment>}: the gate runs on the PostgreSQL major version an environment runs. */
class EnvironmentVersionTargetTest {

    @TempDir
    Path dir;

    private Scenario scenario(String environments) throws Exception {
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations/V1__a.sql"), "CREATE TABLE a (id int);\n");
        Files.writeString(dir.resolve("driftgate.yaml"), "dialect: postgresql\ncandidates: none\nenvironments:\n" + environments);
        return ScenarioLoader.load(dir, "s", Settings.defaults());
    }

    @Test
    void theVersionIsAskedFromTheEnvironmentsServer() throws Exception {
        var server = Target.POSTGRES_SERVER.server();
        Scenario s = scenario("  production: " + server.jdbcUrl("postgres") + "?user=postgres\n");
        TargetSpec resolved = TargetServers.resolveEnvironmentVersion(TargetSpec.parse("embedded:production"), s);
        assertEquals(new TargetSpec.Embedded("15"), resolved, "the machine's server is PostgreSQL 15");
    }

    @Test
    void theVersionIsReadFromAPgDumpHeader() throws Exception {
        Files.writeString(dir.resolve("prod.sql"), "--\n-- PostgreSQL database dump\n--\n\n"
                + "-- Dumped from database version 16.4 (Debian 16.4-1.pgdg120+1)\n-- Dumped by pg_dump version 17.2\n");
        Scenario s = scenario("  production: prod.sql\n");
        assertEquals(new TargetSpec.Embedded("16"),
                TargetServers.resolveEnvironmentVersion(TargetSpec.parse("embedded:production"), s));
        assertEquals(new TargetSpec.Embedded("17"), TargetServers.resolveEnvironmentVersion(TargetSpec.parse("embedded:17"), s),
                "a number stays a number");
    }

    @Test
    void anEnvironmentThatDoesNotSayItsVersionOrDoesNotExistIsOneLine() throws Exception {
        Files.writeString(dir.resolve("prod.sql"), "CREATE TABLE a (id int);\n");
        Scenario s = scenario("  production: prod.sql\n");
        assertEquals("target embedded:production: " + dir.resolve("prod.sql") + " does not say which version it came from "
                + "(no '-- Dumped from database version' line of pg_dump); name the major version instead, e.g. embedded:16",
                assertThrows(DriftgateException.class, () -> TargetServers.resolveEnvironmentVersion(
                        TargetSpec.parse("embedded:production"), s)).getMessage());
        assertEquals("target embedded:staging: not a PostgreSQL major version (13 to 18) and not an environment of "
                + "this scenario (production)", assertThrows(DriftgateException.class,
                () -> TargetServers.resolveEnvironmentVersion(TargetSpec.parse("embedded:staging"), s)).getMessage());
    }

    @Test
    void anEmbeddedVersionTheDialectHasNotIsOneLineNamingTheOnesItHas() {
        assertEquals("target embedded:12: embedded versions are PostgreSQL 13 to 18 for postgresql",
                assertThrows(DriftgateException.class, () -> TargetServers.open(TargetSpec.parse("embedded:12"),
                        Dialects.postgres(), Settings.defaults())).getMessage());
        assertEquals("target embedded:16: embedded versions are MariaDB 10.11 for mysql",
                assertThrows(DriftgateException.class, () -> TargetServers.open(TargetSpec.parse("embedded:16"),
                        Dialects.mysql(), Settings.defaults())).getMessage());
    }
}
