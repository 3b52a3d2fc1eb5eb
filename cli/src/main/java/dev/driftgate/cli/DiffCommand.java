package dev.driftgate.cli;

import dev.driftgate.DriftgateException;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.dialect.Dialects;
import dev.driftgate.diff.DiffResult;
import dev.driftgate.diff.IgnoreRules;
import dev.driftgate.diff.SchemaDiff;
import dev.driftgate.gate.PlanVerifier;
import dev.driftgate.plan.Planner;
import dev.driftgate.provision.DatabaseServer;
import dev.driftgate.provision.EmbeddedServers;
import dev.driftgate.provision.ExistingServer;
import dev.driftgate.reports.DiffReport;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.source.SchemaSources;
import dev.driftgate.sql.ConnectionSettings;
import dev.driftgate.text.SafeText;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code driftgate diff}: what differs between an expected and an actual schema. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two schemas and list what differs, worst first.",
            "Each side is a JDBC URL (read-only, as dump), a snapshot .json, a SQL schema dump (pg_dump -s, "
                    + "mariadb-dump --no-data) or a directory of .sql files; SQL is loaded into a throwaway database.",
            "Exit code 0: no differences; 1: differences; 2: error."},
        footer = {"", "Ignore rules (--ignore, repeatable): object=GLOB, kind=CHANGE_KIND, aspect=ASPECT, combined with "
                + "commas, e.g. --ignore 'object=public.audit_*' --ignore kind=DropIndex --ignore aspect=comment.",
            "Ignored unless --compare names them: owner, grants, column-order, generated-name.",
            "", "Examples:",
            "  driftgate diff expected.json jdbc:postgresql://db:5432/shop --user reader --password-env PGPASSWORD",
            "  driftgate diff schema/ prod-dump.sql --format markdown"})
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPECTED", description = "The schema as it should be.")
    String expected;

    @Parameters(index = "1", paramLabel = "ACTUAL", description = "The schema as it is.")
    String actual;

    @Option(names = "--format", defaultValue = "text", description = "text, json, markdown or sarif (SARIF 2.1.0) (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    RuleOptions ruleOptions = new RuleOptions();

    @Option(names = "--dialect", description = "postgresql or mysql, when neither side tells.")
    String dialect;

    @Option(names = "--scratch-url", paramLabel = "URL",
            description = "Load SQL sides on this existing server (throwaway databases) instead of an embedded one.")
    String scratchUrl;

    @Option(names = "--sql", description = "Also print the DDL that turns ACTUAL into EXPECTED, proven on a scratch "
            + "database: marked verified, or UNVERIFIED with what remains.")
    boolean sql;

    @Option(names = "--plain", description = "With --sql: plain forms instead of online-safe ones "
            + "(no CONCURRENTLY, no NOT VALID then VALIDATE, no lock_timeout).")
    boolean plain;

    @Option(names = "--no-verify", description = "With --sql: do not prove the plan on a scratch database.")
    boolean noVerify;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        if (!List.of("text", "json", "markdown", "sarif").contains(format)) {
            throw new DriftgateException("--format " + format + ": expected text, json, markdown or sarif");
        }
        IgnoreRules rules = ruleOptions.rules();
        ConnectionSettings settings = connection.settings();
        Dialect d = dialect(expected, actual);
        SchemaSources sources = new SchemaSources(settings, this::scratchServer);
        // The two sides are independent (two files to parse, two databases to read): read them at once.
        CompletableFuture<SchemaSnapshot> expectedRead = CompletableFuture.supplyAsync(() -> sources.snapshot(expected, d));
        SchemaSnapshot actualSnapshot;
        SchemaSnapshot expectedSnapshot;
        try {
            actualSnapshot = sources.snapshot(actual, d);
        } finally {
            expectedSnapshot = joined(expectedRead);
        }
        DiffResult result = SchemaDiff.compare(expectedSnapshot, actualSnapshot, rules);
        PrintWriter out = spec.commandLine().getOut();
        if (sql) {
            // Everything before the plan is a comment, so the output runs as printed (psql -f, mariadb).
            DiffReport.text(result, false).lines().forEach(l -> out.println(SafeText.sqlComment(l)));
            out.println();
            Planner.Plan plan = d.planner().plan(result, !plain);
            if (noVerify) {
                out.println("-- UNVERIFIED (--no-verify): this plan was not applied to a scratch database");
            } else {
                DatabaseServer scratch = scratchUrl != null ? scratchServer(d) : EmbeddedServers.sharedFor(d,
                        actualSnapshot.server());
                PlanVerifier.Verification v = PlanVerifier.verify(scratch, actualSnapshot, expectedSnapshot, plan, rules);
                if (v.verified()) {
                    out.println("-- verified: proven on " + v.provenOn() + ": applied to a scratch copy of ACTUAL, it "
                            + "leaves no difference from EXPECTED, in the snapshot and in the dialect's own dump");
                } else {
                    out.println(SafeText.sqlComment("UNVERIFIED: " + v.reason()));
                    if (v.remaining() != null) {
                        DiffReport.text(v.remaining(), false).lines().forEach(l -> out.println(SafeText.sqlComment("  " + l)));
                    }
                }
            }
            out.print(plan.script());
            out.flush();
            return result.isEmpty() ? Main.OK : Main.DIFFERENCES;
        }
        out.print(switch (format) {
            case "json" -> DiffReport.json(result);
            case "markdown" -> DiffReport.markdown(result);
            case "sarif" -> DiffReport.sarif(result, new Main.Version().getVersion()[0]);
            default -> DiffReport.text(result, System.console() != null);
        });
        out.flush();
        return result.isEmpty() ? Main.OK : Main.DIFFERENCES;
    }

    /** The value of a background read, its failure rethrown as it was thrown. */
    static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private DatabaseServer scratchServer(Dialect d) {
        if (scratchUrl != null) {
            ExistingServer server = ExistingServer.fromUrl(scratchUrl, connection.settings());
            if (!server.dialect().name().equals(d.name())) {
                throw new DriftgateException("--scratch-url is a " + server.dialect().name() + " server, but the "
                        + "comparison is in " + d.name());
            }
            return server;
        }
        return EmbeddedServers.shared(d);
    }

    private Dialect dialect(String a, String b) {
        if (dialect != null) {
            return Dialects.byName(dialect);
        }
        Dialect first = SchemaSources.dialectOf(a);
        Dialect second = SchemaSources.dialectOf(b);
        if (first != null && second != null && !first.name().equals(second.name())) {
            throw new DriftgateException("cannot compare " + a + " (" + first.name() + ") with " + b + " ("
                    + second.name() + "): the two sides are in different dialects");
        }
        if (first == null && second == null) {
            throw new DriftgateException("cannot tell the dialect of " + a + " or " + b + ": use --dialect");
        }
        return first != null ? first : second;
    }
}
