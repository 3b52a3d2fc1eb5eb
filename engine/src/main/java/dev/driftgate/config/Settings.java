package dev.driftgate.config;

import static dev.driftgate.config.DriftgateConfig.APPROVE;
import static dev.driftgate.config.DriftgateConfig.BASE;
import static dev.driftgate.config.DriftgateConfig.BASELINE_CACHE;
import static dev.driftgate.config.DriftgateConfig.CANDIDATES;
import static dev.driftgate.config.DriftgateConfig.PATHS_ALLOW_OUTSIDE;
import static dev.driftgate.config.DriftgateConfig.SERVER_PASSWORD_ENV;
import static dev.driftgate.config.DriftgateConfig.SERVER_USER;
import static dev.driftgate.config.DriftgateConfig.SHARD;
import static dev.driftgate.config.DriftgateConfig.SWEEP_AGE;
import static dev.driftgate.config.DriftgateConfig.TARGETS;

import dev.driftgate.DriftgateException;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.dialect.Dialects;
import dev.driftgate.safety.OnlineSafety;
import dev.driftgate.safety.Rule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The engine's configuration, read once when it discovers its tests (the keys are
 * {@link DriftgateConfig}'s): typed, checked, defaults applied. A bad value is one line naming its
 * key. Null marks a setting left to the scenario file or to the dialect.
 *
 * @param approve write each scenario's expected snapshot instead of comparing
 * @param candidates the candidate rule over every scenario's own, or null
 * @param targets the targets over every scenario's own, or null
 * @param pathsAllowOutside whether a scenario's paths may lead outside its directory
 * @param base the git ref a branch is compared with, over the scenario's {@code branch-base}, or null
 * @param serverUrls the JDBC URL a bare {@code server} target uses, by dialect name
 * @param serverUser the user of {@code server} targets, or null for the dialect's administrator
 * @param serverPasswordEnv the environment variable holding their password, or null for none
 * @param sweepAge driftgate's databases older than this are dropped from a server before a run
 * @param baselineCache keep applied baselines on PostgreSQL {@code server} targets
 * @param shard this job's share of the scenarios, or null for all of them
 * @param safety the online-safety levels and observation
 * @param safetyKeys the {@code driftgate.safety.*} keys set for the run: they win over a scenario's own
 */
public record Settings(
        boolean approve,
        String candidates,
        List<String> targets,
        boolean pathsAllowOutside,
        String base,
        Map<String, String> serverUrls,
        String serverUser,
        String serverPasswordEnv,
        Duration sweepAge,
        boolean baselineCache,
        Shard shard,
        OnlineSafety safety,
        Map<String, String> safetyKeys) {

    /** The {@code index}-th of {@code total} deterministic shares of the scenarios (1-based). */
    public record Shard(int index, int total) {}

    /** No parameters: every default (a shard still comes from GitLab's CI_NODE_INDEX/CI_NODE_TOTAL). */
    public static Settings defaults() {
        return read(key -> Optional.empty());
    }

    /** @param parameters a configuration parameter by key, stripped, empty when unset or blank */
    public static Settings read(Function<String, Optional<String>> parameters) {
        Map<String, String> servers = new TreeMap<>();
        for (Dialect d : Dialects.all()) {
            parameters.apply(DriftgateConfig.PREFIX + "server." + d.name()).ifPresent(url -> servers.put(d.name(), url));
        }
        return new Settings(
                parameters.apply(APPROVE).map(Boolean::parseBoolean).orElse(false),
                parameters.apply(CANDIDATES).orElse(null),
                parameters.apply(TARGETS).map(t -> List.of(t.split(","))).orElse(null),
                parameters.apply(PATHS_ALLOW_OUTSIDE).map(Boolean::parseBoolean).orElse(false),
                parameters.apply(BASE).orElse(null),
                Map.copyOf(servers),
                parameters.apply(SERVER_USER).orElse(null),
                parameters.apply(SERVER_PASSWORD_ENV).orElse(null),
                Duration.ofMinutes(parameters.apply(SWEEP_AGE).map(m -> number(SWEEP_AGE, m)).orElse(60L)),
                parameters.apply(BASELINE_CACHE).map(Boolean::parseBoolean).orElse(false),
                shard(parameters.apply(SHARD).orElseGet(Settings::gitLabShard)),
                OnlineSafety.configured(parameters),
                safetyKeys(parameters));
    }

    private static Map<String, String> safetyKeys(Function<String, Optional<String>> parameters) {
        Map<String, String> out = new TreeMap<>();
        List<String> keys = new ArrayList<>(List.of(OnlineSafety.FAIL_ON, OnlineSafety.OBSERVE, OnlineSafety.ROWS));
        for (Rule rule : Rule.values()) {
            keys.add(OnlineSafety.LEVEL_PREFIX + rule.code());
        }
        keys.forEach(k -> parameters.apply(k).ifPresent(v -> out.put(k, v)));
        return Map.copyOf(out);
    }

    /**
     * The online safety of one scenario: its file's {@code online-safety:} keys, under the ones set
     * for the run (a CI job can still make every scenario strict, or lenient).
     */
    public OnlineSafety safetyFor(Map<String, String> scenarioKeys) {
        if (scenarioKeys.isEmpty()) {
            return safety;
        }
        Map<String, String> merged = new TreeMap<>(scenarioKeys);
        merged.putAll(safetyKeys);
        return OnlineSafety.configured(k -> Optional.ofNullable(merged.get(k)));
    }

    private static long number(String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new DriftgateException(key + "=" + value + ": expected a whole number");
        }
    }

    private static String gitLabShard() {
        String index = System.getenv("CI_NODE_INDEX");
        String total = System.getenv("CI_NODE_TOTAL");
        return index != null && total != null ? index + "/" + total : null;
    }

    private static Shard shard(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split("/");
        int i;
        int n;
        try {
            i = Integer.parseInt(parts[0].strip());
            n = Integer.parseInt(parts[1].strip());
        } catch (RuntimeException e) {
            throw new DriftgateException(SHARD + "=" + text + ": expected i/n, such as 2/4");
        }
        if (n < 1 || i < 1 || i > n) {
            throw new DriftgateException(SHARD + "=" + text + ": expected 1 <= i <= n");
        }
        return new Shard(i, n);
    }
}
