package dev.driftgate.config;

import dev.driftgate.safety.OnlineSafety;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The engine's configuration keys, read from JUnit Platform configuration parameters (explicit
 * launcher parameters, system properties, {@code junit-platform.properties}); where a scenario file
 * has the same setting, the parameter wins. docs/configuration.md is generated from {@link #ALL}.
 */
public final class DriftgateConfig {

    public static final String PREFIX = "driftgate.";

    public static final String APPROVE = PREFIX + "approve";
    public static final String CANDIDATES = PREFIX + "candidates";
    public static final String TARGETS = PREFIX + "targets";
    public static final String BASE = PREFIX + "base";
    public static final String SERVER_POSTGRESQL = PREFIX + "server.postgresql";
    public static final String SERVER_MYSQL = PREFIX + "server.mysql";
    public static final String SERVER_USER = PREFIX + "server.user";
    public static final String SERVER_PASSWORD_ENV = PREFIX + "server.password-env";
    public static final String SWEEP_AGE = PREFIX + "sweep.age-minutes";
    public static final String PATHS_ALLOW_OUTSIDE = PREFIX + "paths.allow-outside";
    public static final String BASELINE_CACHE = PREFIX + "baseline-cache";
    public static final String SHARD = PREFIX + "shard";
    public static final String PARALLEL = PREFIX + "parallel.enabled";
    public static final String PARALLEL_CONFIG_PREFIX = PREFIX + "parallel.config.";

    /** Read by the results listener of driftgate-reports, documented here with the other keys. */
    public static final String RESULTS = PREFIX + "results";
    public static final String SAFETY_FAIL_ON = OnlineSafety.FAIL_ON;
    public static final String SAFETY_LEVEL = OnlineSafety.LEVEL_PREFIX + "<CODE>";
    public static final String SAFETY_OBSERVE = OnlineSafety.OBSERVE;
    public static final String SAFETY_ROWS = OnlineSafety.ROWS;

    /** Every key with what it does and its default: the source of the configuration reference. */
    public static final Map<String, String> ALL = all();

    private DriftgateConfig() {}

    /** The reference table of docs/configuration.md, generated so it cannot go stale. */
    public static String markdownTable() {
        StringBuilder out = new StringBuilder("| key | what it does |\n|---|---|\n");
        ALL.forEach((key, what) -> out.append("| `").append(key).append("` | ").append(what.replace("|", "\\|")).append(" |\n"));
        return out.toString();
    }

    private static Map<String, String> all() {
        Map<String, String> m = new TreeMap<>();
        m.put(APPROVE, "true: write each scenario's expected snapshot from the state its history reaches "
                + "instead of comparing (snapshot testing). Default false.");
        m.put(CANDIDATES, "Which migrations are checked, over the scenario's `candidates:`: branch, all, none or a "
                + "version range such as 4..7. Default: the scenario's setting, else branch.");
        m.put(BASE, "For candidates branch: the git ref the branch is compared with (its merge base with HEAD), over the "
                + "scenario's `branch-base:`, e.g. origin/develop. Default: CI_MERGE_REQUEST_DIFF_BASE_SHA, origin/$GITHUB_BASE_REF, "
                + "origin/$CI_DEFAULT_BRANCH, origin/HEAD, origin/main, origin/master, the first that exists; none is an error.");
        m.put(TARGETS, "Comma-separated targets over every scenario's `targets:`, e.g. server (CI with database "
                + "services) or embedded. Default: the scenario's setting, else embedded.");
        m.put(SERVER_POSTGRESQL, "JDBC URL of the PostgreSQL server a bare `server` target uses "
                + "(throwaway databases are created on it).");
        m.put(SERVER_MYSQL, "JDBC URL of the MySQL/MariaDB server a bare `server` target uses.");
        m.put(SERVER_USER, "User for `server` targets. Default: postgres on PostgreSQL, root on MySQL/MariaDB.");
        m.put(SERVER_PASSWORD_ENV, "Name of the environment variable holding the `server` targets' password "
                + "(the password itself never appears in configuration).");
        m.put(SWEEP_AGE, "On `server` targets, databases of runs that are gone (killed: their server-side run lock is free) "
                + "are dropped before a run; a live run's never are. Databases of driftgate versions before the run lock "
                + "(named dg_<epoch>_<pid>_<n>) are dropped when older than this many minutes. Default 60.");
        m.put(PATHS_ALLOW_OUTSIDE, "true: a scenario's paths (migrations, seed, expected, declared, forward-fix) may lead "
                + "outside its repository (the nearest directory with .git). Whoever runs driftgate sets this, never the "
                + "scenario file. Default false.");
        m.put(BASELINE_CACHE, "true: on PostgreSQL `server` targets, keep each applied baseline as a database named "
                + "dg_base_<hash of its scripts> and copy it in later runs instead of applying the history again. "
                + "Left behind on purpose; a changed script makes a new one. Default false.");
        m.put(RESULTS, "A directory: at the end of the run, write results.json (every check, its outcome, message "
                + "and hazards) and manifest.json (each migration file, its SHA-256 and what it passed) there, for "
                + "driftgate report, comment and verify-manifest. Needs driftgate-reports on the test class path. "
                + "Default: none.");
        m.put(SAFETY_FAIL_ON, "The online-safety step fails on hazards at or above this level: info, warning, error "
                + "or off (never fails). Default error.");
        m.put(SAFETY_LEVEL, "The level of one rule, e.g. driftgate.safety.level.DG301=warning, or off to turn it off "
                + "(codes in docs/safety.md).");
        m.put(SAFETY_OBSERVE, "false: static rules only; true: also run each candidate statement by statement on a "
                + "seeded copy and record locks, rewrites and ALTER algorithms. Default true.");
        m.put(SAFETY_ROWS, "Representative rows generated per table a candidate touches (and the tables those "
                + "reference), added to the observed copy before the candidate runs: keys distinct, other values "
                + "repeating, a share of NULLs; 0 for the scenario's seed alone. Default 100.");
        m.put(SHARD, "i/n: run the i-th of n deterministic shares of the scenarios (1-based). Default: "
                + "CI_NODE_INDEX/CI_NODE_TOTAL when GitLab sets them, else everything.");
        m.put(PARALLEL, "true: run scenarios and targets in parallel (steps of one target always run in order). "
                + "Default false.");
        m.put(PARALLEL_CONFIG_PREFIX + "strategy", "dynamic (default), fixed or custom, as JUnit's parallel "
                + "configuration; with fixed, " + PARALLEL_CONFIG_PREFIX + "fixed.parallelism sets the threads.");
        return Collections.unmodifiableMap(m);
    }
}
