package dev.driftgate.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * {@code driftgate.yaml}, as written. Every key is documented in docs/scenarios.md; an unknown key
 * is an error naming its line, so a typo never silently turns a check off.
 *
 * @param dialect {@code postgresql} or {@code mysql} (MySQL and MariaDB)
 * @param targets where it runs: {@code embedded} (default), {@code server}, {@code server:<jdbc url>},
 *     {@code testcontainers:<image>}; several make a version matrix
 * @param migrations where the history lives and how it is laid out
 * @param candidates {@code branch} (default: what this branch adds, by git), {@code all}, {@code none},
 *     one version, or a version range {@code 4..7} (either end may be left open)
 * @param branchBase for {@code candidates: branch}: the ref whose merge base with HEAD is the start of
 *     the branch ({@code origin/develop}); default: the CI's (GitLab merge-request base, GitHub's
 *     base branch, GitLab's default branch), else {@code origin/HEAD}, {@code origin/main}, {@code origin/master}
 * @param rollback {@code required} (default: a candidate without a rollback fails) or {@code optional}
 * @param rollbackModes how rollbacks are proven: {@code per-migration} (each candidate's down right
 *     after its up) and {@code chain} (all candidates, then all downs in reverse); default both
 * @param seed SQL files or directories run on the baseline: the rows whose survival is checked
 * @param expected an approved snapshot of the final state ({@code -Ddriftgate.approve=true} writes it)
 * @param expectedEach a directory of approved snapshots per candidate, {@code <version>.json}: the
 *     state right after that migration
 * @param declared a directory of CREATE statements the history must agree with (state-based schema)
 * @param ignore ignore rules as on the command line ({@code object=public.audit_*})
 * @param environments databases to compare with the final state (drift): name to source
 * @param forwardFix a script that repairs a migration that died half way; default: run it again
 * @param groups how candidates form groups that are rolled back as a unit ({@code group} rollback mode)
 * @param baseline where the chain rollback starts: {@code migrations} (default: the migrations before
 *     the candidates, with the seed) or {@code empty} (the whole history, up from an empty database
 *     and down again, must leave it empty)
 * @param sqlMode MySQL/MariaDB: the sql_mode migrations run under (default: the server's, strict on
 *     MariaDB 10.11 and MySQL 8); a history written for a laxer server may need it relaxed
 * @param compatibility the SQL the application releases send (docs/zero-downtime.md)
 * @param restore by candidate version, a script that brings back from its backup table what the
 *     candidate destroyed, when the rollback is not the restore path
 * @param onlineSafety this scenario's online-safety levels (docs/safety.md): a history whose
 *     migrations already ran in production is gated for rollback and re-apply, not for how they lock
 */
public record ScenarioConfig(
        String dialect,
        List<String> targets,
        Migrations migrations,
        String candidates,
        @JsonProperty("branch-base") String branchBase,
        String rollback,
        @JsonProperty("rollback-modes") List<String> rollbackModes,
        List<String> seed,
        String expected,
        @JsonProperty("expected-each") String expectedEach,
        String declared,
        List<String> ignore,
        Map<String, String> environments,
        @JsonProperty("forward-fix") String forwardFix,
        Groups groups,
        String baseline,
        @JsonProperty("sql-mode") String sqlMode,
        Compatibility compatibility,
        Map<String, String> restore,
        @JsonProperty("online-safety") OnlineSafetyConfig onlineSafety) {

    /**
     * @param path relative to the scenario directory
     * @param layout {@code auto} (default), {@code flyway}, {@code golang-migrate}, {@code dbmate},
     *     {@code diesel}, {@code liquibase} or {@code pattern}
     * @param pattern for {@code pattern}: a regex with named groups version, name, direction, dialect
     * @param changelog for {@code liquibase}: the master changelog (XML, YAML, JSON or formatted SQL),
     *     relative to {@code path}, which is the directory its includes are resolved against
     * @param contexts for a Liquibase changelog: Liquibase's context expression (default: every changeset)
     * @param labels for a Liquibase changelog: Liquibase's label expression (default: every changeset)
     */
    public record Migrations(String path, String layout, String pattern, String changelog, String contexts,
            String labels) {}

    /**
     * @param by {@code version-prefix} (versions sharing their first {@code length} characters, as
     *     generated layouts number steps within one timestamp) or {@code name}
     * @param length for {@code version-prefix}
     * @param members groups listed by version, for anything else
     */
    /**
     * @param previous the release running while the candidates run: a {@code .sql} file, a
     *     directory of them, or a capture ({@code pg_stat_statements} or performance_schema digests)
     * @param next the release deployed after them, in the same forms
     */
    public record Compatibility(String previous, String next) {}

    public record Groups(String by, Integer length, List<List<String>> members) {}

    /**
     * As the {@code driftgate.safety.*} keys, for this scenario; a configuration parameter set for
     * the run wins over it.
     *
     * @param failOn {@code off}, {@code info}, {@code warning} or {@code error}
     * @param levels a rule's level by its code ({@code DG301: warning})
     * @param observe whether candidates also run on a seeded copy
     * @param rows representative rows per touched table on that copy
     */
    public record OnlineSafetyConfig(@JsonProperty("fail-on") String failOn, Map<String, String> levels, Boolean observe,
            Integer rows) {}
}
