package dev.driftgate.cli;

import dev.driftgate.AtomicFiles;
import dev.driftgate.DriftgateException;
import dev.driftgate.database.LiveDatabase;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.dialect.Dialects;
import dev.driftgate.dialect.JdbcUrls;
import dev.driftgate.diff.DiffResult;
import dev.driftgate.diff.IgnoreRules;
import dev.driftgate.diff.SchemaDiff;
import dev.driftgate.gate.PlanVerifier;
import dev.driftgate.plan.Planner;
import dev.driftgate.provision.EmbeddedServers;
import dev.driftgate.reports.DriftFleet;
import dev.driftgate.reports.DriftHtml;
import dev.driftgate.reports.DriftReport;
import dev.driftgate.reports.DriftResults;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.source.Inventory;
import dev.driftgate.source.SchemaSources;
import dev.driftgate.source.TenantSchemas;
import dev.driftgate.sql.ConnectionSettings;
import dev.driftgate.text.SafeText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code driftgate drift}: do the environments still match what git says? */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = {"Compare every environment with the expected schema. Identical schemas are grouped by a "
                + "canonical digest (\"997 in sync; 3 drifted in 2 distinct ways\"); a fleet of up to 10 also gets a "
                + "row per environment and a parity matrix (object × environment).",
            "Built for a nightly job: environments are read in parallel, read-only, each within its own time budget; "
                    + "one that cannot be read is reported and the others are still scanned.",
            "Exit code 0: all in sync; 1: drift found; 2: an environment could not be read, or another error."},
        footer = {"", "Examples:",
            "  driftgate drift --expected schema.json --env prod=jdbc:postgresql://prod:5432/shop "
                    + "--env staging=jdbc:postgresql://staging:5432/shop --user reader --password-env PGPASSWORD",
            "  driftgate drift --expected schema.json --inventory fleet.yaml --shard 2/4 --results target/drift-2",
            "  driftgate drift --merge target/drift-1 --merge target/drift-2 --html drift.html",
            "  driftgate drift --expected schema.json --tenants jdbc:postgresql://db:5432/app --tenant-pattern 'tenant_.*'"})
final class DriftCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--expected", paramLabel = "SOURCE",
            description = "The schema as git says it is: snapshot .json, .sql dump, directory of .sql files or URL.")
    String expected;

    @Option(names = "--env", paramLabel = "NAME=SOURCE",
            description = "An environment to scan (repeatable): a JDBC URL, a snapshot or a dump.")
    Map<String, String> environments = new LinkedHashMap<>();

    @Option(names = "--inventory", paramLabel = "FILE",
            description = "A YAML file of environments (name; url, snapshot or dump; group, labels; credentials by "
                    + "environment variable name): docs/drift.md.")
    Path inventory;

    @Option(names = "--tenants", paramLabel = "URL",
            description = "Schema per tenant: compare each schema of this database with the expected schema (which holds one).")
    String tenants;

    @Option(names = "--tenant-pattern", paramLabel = "REGEX", defaultValue = ".*",
            description = "With --tenants, the schemas that are tenants (default: every schema).")
    String tenantPattern;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "8",
            description = "Environments read at once, in all (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--per-server", paramLabel = "N", defaultValue = "4",
            description = "Environments read at once on one server, host and port (default: ${DEFAULT-VALUE}).")
    int perServer;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Scan only every N-th environment from the I-th (1-based), to split a fleet over CI jobs "
                    + "(default: GitLab's CI_NODE_INDEX/CI_NODE_TOTAL when both are set); merge with --merge.")
    String shard;

    @Option(names = "--results", paramLabel = "DIR",
            description = "Also write the scan, grouped, as DIR/results.json (what --merge reads).")
    Path results;

    @Option(names = "--merge", paramLabel = "DIR",
            description = "Instead of scanning, merge the results.json of these directories (repeatable): the shards of one scan.")
    List<Path> merge = new ArrayList<>();

    @Option(names = "--budget", paramLabel = "SECONDS", defaultValue = "300",
            description = "Time allowed per environment (default: ${DEFAULT-VALUE}).")
    int budgetSeconds;

    @Option(names = "--format", defaultValue = "text", description = "text or markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    RuleOptions ruleOptions = new RuleOptions();

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the scan as one self-contained HTML page "
            + "(groups or parity matrix, side-by-side definitions, remediation SQL).")
    Path html;

    @Option(names = "--dialect", description = "postgresql or mysql, when no source tells.")
    String dialect;

    @Option(names = "--sql", description = "For each distinct drifted schema, the DDL that repairs it, proven on a "
            + "scratch database (see diff --sql).")
    boolean sql;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        if (!List.of("text", "markdown").contains(format)) {
            throw new DriftgateException("--format " + format + ": expected text or markdown");
        }
        if (parallel < 1 || perServer < 1) {
            throw new DriftgateException("--parallel and --per-server must be at least 1");
        }
        IgnoreRules allRules = ruleOptions.rules();
        DriftResults.Scan scan;
        if (!merge.isEmpty()) {
            if (expected != null || !environments.isEmpty() || inventory != null || tenants != null) {
                throw new DriftgateException("--merge renders the results of earlier scans: give no --expected, --env, "
                        + "--inventory or --tenants with it");
            }
            scan = DriftResults.merge(merge, allRules);
        } else {
            scan = scan(allRules);
        }
        DriftFleet fleet = scan.fleet();
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.equals("markdown") ? DriftReport.markdown(fleet) : DriftReport.text(fleet));
        if (html != null) {
            AtomicFiles.writeReport(html, DriftHtml.render(fleet, ZonedDateTime.now()));
        }
        if (results != null) {
            DriftResults.write(scan, results);
        }
        out.flush();
        if (!fleet.unreadable().isEmpty()) {
            return Main.ERROR;
        }
        return fleet.drifted().isEmpty() ? Main.OK : Main.DIFFERENCES;
    }

    private DriftResults.Scan scan(IgnoreRules rules) throws InterruptedException {
        if (expected == null) {
            throw new DriftgateException("--expected: the schema to compare with is missing");
        }
        if (environments.isEmpty() && inventory == null && tenants == null) {
            throw new DriftgateException("nothing to scan: give --env, --inventory or --tenants");
        }
        int[] part = Shards.of(shard, System.getenv());
        ConnectionSettings base = connection.settings();
        // No single catalog query may outlive the environment's budget.
        ConnectionSettings settings = bounded(base);
        List<FleetScanner.Target> targets = new ArrayList<>();
        environments.forEach((name, source) -> targets.add(new FleetScanner.Target(targets.size(), name, source, settings,
                null, Map.of())));
        if (inventory != null) {
            for (Inventory.Entry e : Inventory.read(inventory).environments()) {
                if (targets.stream().anyMatch(t -> t.name().equals(e.name()))) {
                    throw new DriftgateException(e.where() + ": environment " + e.name() + " is also given with --env");
                }
                ConnectionSettings own = e.user() == null && e.passwordEnv() == null ? settings
                        : bounded(new ConnectionSettings(e.user() != null ? e.user() : base.user(),
                                e.passwordEnv() != null ? e.password() : base.password(), base.connectTimeout(),
                                base.statementTimeout(), base.lockTimeout()));
                targets.add(new FleetScanner.Target(targets.size(), e.name(), e.source(), own, e.group(), e.labels()));
            }
        }
        Dialect d = dialect(targets);
        SchemaSources sources = new SchemaSources(settings, EmbeddedServers::shared);
        SchemaSnapshot expectedSnapshot = sources.snapshot(expected, d);
        FleetScanner scanner = new FleetScanner(d, expectedSnapshot, parallel, perServer, budgetSeconds);
        List<FleetScanner.Target> mine = targets.stream().filter(t -> Shards.mine(t.index(), part)).toList();
        List<FleetScanner.Outcome> outcomes = new ArrayList<>(scanner.scan(mine));
        if (tenants != null) {
            outcomes.addAll(tenants(scanner, expectedSnapshot, settings, targets.size(), part));
        }
        List<DriftFleet.Group> groups = new ArrayList<>();
        List<DriftFleet.Unreadable> unreadable = new ArrayList<>();
        Map<String, List<DriftFleet.Member>> members = new LinkedHashMap<>();
        for (FleetScanner.Outcome o : outcomes) {
            if (o.error() != null) {
                unreadable.add(new DriftFleet.Unreadable(o.member(), o.error()));
            } else {
                members.computeIfAbsent(o.digest(), k -> new ArrayList<>()).add(o.member());
            }
        }
        members.forEach((digest, list) -> {
            SchemaSnapshot actual = scanner.snapshots().get(digest);
            DiffResult result = SchemaDiff.compare(expectedSnapshot, actual, rules);
            String remediation = sql && !result.isEmpty() ? remediation(d, actual, expectedSnapshot, result, rules,
                    list.get(0).name()) : null;
            groups.add(new DriftFleet.Group(digest, result, remediation, list));
        });
        scanner.snapshots().keySet().retainAll(members.keySet());
        String shown = part == null ? null : part[0] + "/" + part[1];
        return new DriftResults.Scan(new DriftFleet(JdbcUrls.mask(expected), groups, unreadable, shown), expectedSnapshot,
                scanner.snapshots());
    }

    /** Schema per tenant: the database read once, each tenant schema an environment of its own. */
    private List<FleetScanner.Outcome> tenants(FleetScanner scanner, SchemaSnapshot expectedSnapshot,
            ConnectionSettings settings, int first, int[] part) {
        if (expectedSnapshot.schemas().size() != 1) {
            throw new DriftgateException("--tenants: the expected schema must hold exactly one schema (it holds "
                    + expectedSnapshot.schemas().size() + ")");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(tenantPattern);
        } catch (PatternSyntaxException e) {
            throw new DriftgateException("--tenant-pattern " + tenantPattern + ": " + e.getDescription(), e);
        }
        long start = System.nanoTime();
        SchemaSnapshot database = LiveDatabase.snapshot(tenants, settings, List.of());
        Map<String, SchemaSnapshot> split = TenantSchemas.split(database, s -> pattern.matcher(s).matches(),
                expectedSnapshot.schemas().get(0));
        if (split.isEmpty()) {
            throw new DriftgateException(JdbcUrls.mask(tenants) + ": no schema matches --tenant-pattern " + tenantPattern);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<FleetScanner.Outcome> out = new ArrayList<>();
        int index = first;
        for (Map.Entry<String, SchemaSnapshot> e : split.entrySet()) {
            FleetScanner.Target t = new FleetScanner.Target(index++, e.getKey(), tenants + "#" + e.getKey(), settings, null,
                    Map.of());
            if (Shards.mine(t.index(), part)) {
                out.add(scanner.add(t, e.getValue(), millis / split.size()));
            }
        }
        return out;
    }

    private String remediation(Dialect d, SchemaSnapshot actual, SchemaSnapshot expectedSnapshot, DiffResult result,
            IgnoreRules rules, String name) {
        Planner.Plan plan = d.planner().plan(result, true);
        PlanVerifier.Verification v = PlanVerifier.verify(EmbeddedServers.sharedFor(d, actual.server()), actual,
                expectedSnapshot, plan, rules);
        return SafeText.sqlComment(v.verified() ? "verified on a scratch copy of " + name + " (" + v.provenOn() + ")"
                : "UNVERIFIED: " + v.reason()) + "\n" + plan.script();
    }

    private ConnectionSettings bounded(ConnectionSettings base) {
        return new ConnectionSettings(base.user(), base.password(), base.connectTimeout(),
                Duration.ofSeconds(Math.min(base.statementTimeout().toSeconds(), budgetSeconds)), base.lockTimeout());
    }

    private Dialect dialect(List<FleetScanner.Target> targets) {
        Dialect d = dialect != null ? Dialects.byName(dialect) : SchemaSources.dialectOf(expected);
        if (d != null) {
            return d;
        }
        // A plain .sql file says nothing of its dialect; the environments' URLs do.
        List<String> urls = new ArrayList<>(targets.stream().map(FleetScanner.Target::source).toList());
        if (tenants != null) {
            urls.add(tenants);
        }
        return urls.stream().filter(s -> s.startsWith("jdbc:")).findFirst().map(Dialects::forUrl)
                .orElseThrow(() -> new DriftgateException("cannot tell the dialect of " + expected + ": use --dialect"));
    }
}
