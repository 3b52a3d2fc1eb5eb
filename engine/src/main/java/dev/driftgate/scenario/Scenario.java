package dev.driftgate.scenario;

import dev.driftgate.dialect.Dialect;
import dev.driftgate.diff.IgnoreRules;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A loaded scenario: a history split into baseline and candidates, and what each candidate must
 * prove.
 *
 * @param directory the scenario directory
 * @param name its path relative to where discovery started, with forward slashes: the stable part
 *     of its unique id
 * @param baseline migrations applied before any candidate (repeatable ones last)
 * @param candidates the migrations under test, in version order
 * @param candidatesHow how the candidates were chosen, for the report
 * @param rollbackModes {@code per-migration} and/or {@code chain}
 * @param seed scripts run after the baseline: rows whose survival is checked
 * @param expected the approved snapshot of the final state, or null
 * @param expectedEach a directory of approved snapshots after each candidate ({@code <version>.json}), or null
 * @param declared a declared-schema directory the history must agree with, or null
 * @param environments drift sources by environment name
 * @param forwardFix a script that repairs a half-applied migration, or null to re-run it
 * @param sqlMode MySQL/MariaDB sql_mode for migrations, or null for the server's
 * @param historyChain the chain rollback covers the whole history from an empty database ({@code baseline: empty})
 * @param groups the candidates in groups that are rolled back as a unit (empty without group mode)
 * @param releases the SQL of the application releases around the candidates, or null
 * @param restore restore scripts by candidate version (a backup table back into place)
 * @param safety the online-safety settings the file gives, as {@code driftgate.safety.*} keys (a
 *     configuration parameter of the run wins over each)
 */
public record Scenario(
        Path directory,
        String name,
        Path configFile,
        Dialect dialect,
        List<TargetSpec> targets,
        List<Migration> baseline,
        List<Migration> candidates,
        String candidatesHow,
        boolean rollbackRequired,
        Set<String> rollbackModes,
        List<Script> seed,
        Path expected,
        Path expectedEach,
        Path declared,
        IgnoreRules ignoreRules,
        Map<String, String> environments,
        Script forwardFix,
        String sqlMode,
        boolean historyChain,
        List<List<Migration>> groups,
        Releases releases,
        Map<String, Script> restore,
        Map<String, String> safety) {

    /** The group of a candidate when it has other members, else null. */
    public List<Migration> groupOf(Migration m) {
        return groups.stream().filter(g -> g.size() > 1 && g.contains(m)).findFirst().orElse(null);
    }
}
