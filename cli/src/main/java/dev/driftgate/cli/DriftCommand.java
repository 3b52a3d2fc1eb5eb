package dev.driftgate.cli;

import dev.driftgate.AtomicFiles;
import dev.driftgate.DriftgateException;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.dialect.Dialects;
import dev.driftgate.dialect.JdbcUrls;
import dev.driftgate.diff.DiffResult;
import dev.driftgate.diff.IgnoreRules;
import dev.driftgate.diff.SchemaDiff;
import dev.driftgate.gate.PlanVerifier;
import dev.driftgate.plan.Planner;
import dev.driftgate.provision.EmbeddedServers;
import dev.driftgate.reports.DriftHtml;
import dev.driftgate.reports.DriftReport;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.source.SchemaSources;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code driftgate drift}: do the environments still match what git says? */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = {"Compare every environment with the expected schema and print a parity matrix "
                + "(object × environment) and each environment's differences.",
            "Built for a nightly job: each environment is read read-only within its own time budget; one that "
                    + "cannot be read is reported and the others are still scanned.",
            "Exit code 0: all in sync; 1: drift found; 2: an environment could not be read, or another error."},
        footer = {"", "Example:",
            "  driftgate drift --expected schema.json --env prod=jdbc:postgresql://prod:5432/shop "
                    + "--env staging=jdbc:postgresql://staging:5432/shop --user reader --password-env PGPASSWORD"})
final class DriftCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--expected", required = true, paramLabel = "SOURCE",
            description = "The schema as git says it is: snapshot .json, .sql dump, directory of .sql files or URL.")
    String expected;

    @Option(names = "--env", required = true, paramLabel = "NAME=SOURCE",
            description = "An environment to scan (repeatable): a JDBC URL, a snapshot or a dump.")
    Map<String, String> environments = new LinkedHashMap<>();

    @Option(names = "--budget", paramLabel = "SECONDS", defaultValue = "300",
            description = "Time allowed per environment (default: ${DEFAULT-VALUE}).")
    int budgetSeconds;

    @Option(names = "--format", defaultValue = "text", description = "text or markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    RuleOptions ruleOptions = new RuleOptions();

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the scan as one self-contained HTML page "
            + "(parity matrix, side-by-side definitions, remediation SQL).")
    Path html;

    @Option(names = "--dialect", description = "postgresql or mysql, when no source tells.")
    String dialect;

    @Option(names = "--sql", description = "For each drifted environment, the DDL that repairs it, proven on a "
            + "scratch database (see diff --sql).")
    boolean sql;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        if (!List.of("text", "markdown").contains(format)) {
            throw new DriftgateException("--format " + format + ": expected text or markdown");
        }
        IgnoreRules allRules = ruleOptions.rules();
        ConnectionSettings base = connection.settings();
        // No single catalog query may outlive the environment's budget.
        ConnectionSettings settings = new ConnectionSettings(base.user(), base.password(), base.connectTimeout(),
                Duration.ofSeconds(Math.min(base.statementTimeout().toSeconds(), budgetSeconds)), base.lockTimeout());
        Dialect d = dialect != null ? Dialects.byName(dialect) : SchemaSources.dialectOf(expected);
        if (d == null) {
            // A plain .sql file says nothing of its dialect; the environments' URLs do.
            d = environments.values().stream().filter(s -> s.startsWith("jdbc:")).findFirst()
                    .map(Dialects::forUrl).orElseThrow(() -> new DriftgateException(
                            "cannot tell the dialect of " + expected + ": use --dialect"));
        }
        SchemaSources sources = new SchemaSources(settings, EmbeddedServers::shared);
        SchemaSnapshot expectedSnapshot = sources.snapshot(expected, d);

        List<DriftReport.Environment> results = new ArrayList<>();
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "driftgate-drift-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Map.Entry<String, String> env : environments.entrySet()) {
                results.add(scan(pool, env.getKey(), env.getValue(), sources, d, expectedSnapshot, allRules));
            }
        } finally {
            pool.shutdownNow();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.equals("markdown") ? DriftReport.markdown(results) : DriftReport.text(results));
        if (html != null) {
            AtomicFiles.writeReport(html, DriftHtml.render(JdbcUrls.mask(expected),
                    results, ZonedDateTime.now()));
        }
        out.flush();
        if (results.stream().anyMatch(r -> r.error() != null)) {
            return Main.ERROR;
        }
        return results.stream().anyMatch(r -> !r.result().isEmpty()) ? Main.DIFFERENCES : Main.OK;
    }

    private DriftReport.Environment scan(ExecutorService pool, String name, String source, SchemaSources sources,
            Dialect d, SchemaSnapshot expectedSnapshot, IgnoreRules rules) {
        long start = System.nanoTime();
        String shown = JdbcUrls.mask(source);
        Future<DriftReport.Environment> future = pool.submit(() -> {
            Dialect own = source.startsWith("jdbc:") ? Dialects.forUrl(source) : d;
            if (!own.name().equals(d.name())) {
                throw new DriftgateException(shown + " is a " + own.name() + " database; the expected schema is "
                        + d.name());
            }
            SchemaSnapshot actual = sources.snapshot(source, d);
            DiffResult result = SchemaDiff.compare(expectedSnapshot, actual, rules);
            String remediation = null;
            if (sql && !result.isEmpty()) {
                Planner.Plan plan = d.planner().plan(result, true);
                PlanVerifier.Verification v = PlanVerifier.verify(EmbeddedServers.sharedFor(d, actual.server()), actual,
                        expectedSnapshot, plan, rules);
                remediation = SafeText.sqlComment(v.verified() ? "verified on a scratch copy of " + name + " ("
                        + v.provenOn() + ")" : "UNVERIFIED: " + v.reason()) + "\n" + plan.script();
            }
            return new DriftReport.Environment(name, shown, result, null, millis(start), remediation);
        });
        try {
            return future.get(budgetSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new DriftReport.Environment(name, shown, null, "not read within the budget of " + budgetSeconds
                    + " s", millis(start));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new DriftReport.Environment(name, shown, null, Main.oneLine(cause), millis(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DriftReport.Environment(name, shown, null, "interrupted", millis(start));
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
