package dev.driftgate.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.driftgate.DriftgateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fleet inventory: what it accepts, and one line naming file, line and column for what it does not. */
class InventoryTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("fleet.yaml"), yaml);
    }

    private String error(String yaml) throws Exception {
        Path file = write(yaml);
        return assertThrows(DriftgateException.class, () -> Inventory.read(file)).getMessage();
    }

    @Test
    void readsSourcesGroupsLabelsAndCredentialNames() throws Exception {
        Inventory inventory = Inventory.read(write("""
                defaults:
                  user: reader
                  password-env: FLEET_PASSWORD
                environments:
                  - name: eu-1
                    url: jdbc:postgresql://db-eu:5432/t1
                    group: eu
                    labels: {tier: gold, region: eu-west}
                  - name: staging
                    snapshot: snapshots/staging.json
                  - name: legacy
                    dump: legacy.sql
                    user: old
                """));
        assertEquals(3, inventory.environments().size());
        Inventory.Entry eu = inventory.environments().get(0);
        assertEquals("jdbc:postgresql://db-eu:5432/t1", eu.source());
        assertEquals("eu", eu.group());
        assertEquals(Map.of("tier", "gold", "region", "eu-west"), eu.labels());
        assertEquals("reader", eu.user());
        assertEquals("FLEET_PASSWORD", eu.passwordEnv());
        assertEquals(dir.resolve("snapshots/staging.json").toAbsolutePath().toString(), inventory.environments().get(1).source());
        assertNull(inventory.environments().get(1).group());
        assertEquals("old", inventory.environments().get(2).user());
        assertEquals(dir.resolve("fleet.yaml") + ":5:5", eu.where());
    }

    @Test
    void refusesPasswordsAndBadEntriesInOneLineWithFileAndLine() throws Exception {
        String file = dir.resolve("fleet.yaml").toString();
        assertEquals(file + ":4:5: environments[0].password: passwords are not written in an inventory: name the variable "
                + "that holds it with password-env", error("""
                environments:
                  - name: a
                    url: jdbc:postgresql://h/db
                    password: hunter2
                """));
        assertEquals(file + ":3:5: environments[0].url: holds a password: name the variable that holds it with password-env",
                error("""
                environments:
                  - name: a
                    url: jdbc:postgresql://h/db?user=u&password=hunter2
                """));
        assertEquals(file + ":3:5: environments[1].name: 'a' is named twice", error("""
                environments:
                  - {name: a, url: "jdbc:postgresql://h/a"}
                  - name: a
                    snapshot: x.json
                """));
        assertEquals(file + ":2:5: environments[0]: a: give exactly one of url, snapshot or dump (found snapshot, url)",
                error("""
                environments:
                  - name: a
                    url: jdbc:postgresql://h/a
                    snapshot: a.json
                """));
        assertEquals(file + ":3:5: environments[0].hosts: unknown key (expected one of dump, group, labels, name, "
                + "password-env, snapshot, url, user, user-env)", error("""
                environments:
                  - name: a
                    hosts: x
                """));
        assertEquals(file + ":4:5: environments[0].user-env: NO_SUCH_VARIABLE_FOR_DRIFTGATE: the environment variable "
                + "is not set", error("""
                environments:
                  - name: a
                    url: jdbc:postgresql://h/a
                    user-env: NO_SUCH_VARIABLE_FOR_DRIFTGATE
                """));
    }
}
