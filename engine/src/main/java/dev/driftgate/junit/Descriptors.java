package dev.driftgate.junit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftgate.DriftgateException;
import dev.driftgate.ReportEntryKeys;
import dev.driftgate.gate.CandidateRun;
import dev.driftgate.gate.FinalChecks;
import dev.driftgate.gate.SafetyNets;
import dev.driftgate.gate.TargetRun;
import dev.driftgate.gate.TargetServers;
import dev.driftgate.provision.ServerLostException;
import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.safety.HazardJson;
import dev.driftgate.scenario.Migration;
import dev.driftgate.scenario.Scenario;
import dev.driftgate.scenario.TargetSpec;
import dev.driftgate.sql.SqlErrors;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.DirectorySource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.TestAbortedException;

/**
 * The test tree: scenario › target › migration › step. Unique-id segments are the scenario's path,
 * the target, the migration version and the step name: stable across runs and edits, never line
 * numbers.
 */
final class Descriptors {

    static final String SCENARIO = "scenario";
    static final String TARGET = "target";
    static final String MIGRATION = "migration";
    static final String STEP = "step";

    private Descriptors() {}

    /** What every node of the tree shares: its type and whether it may run beside its siblings. */
    abstract static class Base extends AbstractTestDescriptor implements Node<EngineContext> {
        private final Type type;
        private final ExecutionMode mode;

        Base(UniqueId id, String name, TestSource source, Type type, ExecutionMode mode) {
            super(id, name, source);
            this.type = type;
            this.mode = mode;
        }

        @Override
        public final Type getType() {
            return type;
        }

        @Override
        public final ExecutionMode getExecutionMode() {
            return mode;
        }

        /**
         * A container's path from the scenario down ({@code scenarios/shop › postgresql · embedded ›
         * 3 add_status}): JUnit XML names a test case's class after its parent's legacy name, and a
         * report listing "3 add_status" without its scenario and target would be ambiguous.
         */
        @Override
        public String getLegacyReportingName() {
            if (type == Type.TEST) {
                return getDisplayName();
            }
            return getParent().filter(Base.class::isInstance).map(p -> p.getLegacyReportingName() + " › " + getDisplayName())
                    .orElse(getDisplayName());
        }
    }

    /** A scenario directory; its children are its targets. */
    static final class ScenarioDescriptor extends Base {
        ScenarioDescriptor(UniqueId id, Scenario scenario) {
            super(id, scenario.name(), DirectorySource.from(scenario.directory().toFile()), Type.CONTAINER,
                    ExecutionMode.CONCURRENT);
        }
    }

    /** A scenario that could not be loaded: one failing node with the reason, instead of a crashed run. */
    static final class BrokenScenarioDescriptor extends Base {
        private final RuntimeException problem;

        BrokenScenarioDescriptor(UniqueId id, String name, Path directory, RuntimeException problem) {
            super(id, name + " (cannot be loaded)", DirectorySource.from(directory.toFile()), Type.TEST,
                    ExecutionMode.CONCURRENT);
            this.problem = problem;
        }

        @Override
        public EngineContext execute(EngineContext context, DynamicTestExecutor executor) {
            throw problem;
        }
    }

    /** One scenario on one target; opens the server before its children and drops every database after. */
    static final class TargetDescriptor extends Base {
        private final Scenario scenario;
        private final TargetSpec spec;
        private TargetRun run;
        /** Set when the server went away: the checks after it are not run. */
        private volatile ServerLostException lost;

        TargetDescriptor(UniqueId id, Scenario scenario, TargetSpec spec) {
            super(id, scenario.dialect().name() + " · " + spec, FileSource.from(scenario.configFile().toFile()),
                    Type.CONTAINER, ExecutionMode.CONCURRENT);
            this.scenario = scenario;
            this.spec = spec;
        }

        TargetRun run() {
            return run;
        }

        /**
         * Runs a check of this target, or says it cannot: a check that fails because the server went
         * away throws {@link ServerLostException} (an error of the run, not a finding), and the
         * checks after it are not run.
         */
        <T> T guarded(Check.Body<T> body) throws Exception {
            if (lost != null) {
                throw new TestAbortedException("not run: " + lost.getMessage());
            }
            try {
                return body.run();
            } catch (TestAbortedException e) {
                throw e;
            } catch (Exception | AssertionError e) {
                if (run == null) {
                    throw e;
                }
                Optional<ServerLostException> loss = ServerLostException.behind(e, run.server());
                if (loss.isPresent()) {
                    lost = loss.get();
                    throw loss.get();
                }
                throw e;
            }
        }

        @Override
        public SkipResult shouldBeSkipped(EngineContext context) {
            return TargetServers.unavailable(spec).map(SkipResult::skip).orElse(SkipResult.doNotSkip());
        }

        @Override
        public EngineContext before(EngineContext context) throws Exception {
            run = TargetRun.open(scenario, spec, context.settings());
            try {
                run.server().connect(run.server().dialect().maintenanceDatabase()).close();
            } catch (SQLException e) {
                throw new DriftgateException("target " + spec + " (" + run.server().description()
                        + "): " + SqlErrors.describe(e), e);
            }
            if (spec instanceof TargetSpec.Server) {
                // A shared server keeps what killed runs left behind: drop the databases of runs that are gone.
                long minutes = context.settings().sweepAge().toMinutes();
                List<String> swept = ThrowawayDatabase.sweep(run.server(), Duration.ofMinutes(minutes));
                if (!swept.isEmpty()) {
                    context.report(this, ReportEntryKeys.SWEPT, "dropped " + swept.size() + " databases left by runs that are gone: "
                            + String.join(", ", swept));
                }
            }
            String sqlMode = run.sqlMode();
            context.report(this, ReportEntryKeys.TARGET, run.description() + "; candidates: " + scenario.candidatesHow()
                    + (sqlMode == null ? "" : "; sql_mode " + sqlMode));
            return context;
        }

        @Override
        public void after(EngineContext context) {
            if (run != null) {
                if (run.timings().ranAnything()) {
                    context.report(this, ReportEntryKeys.TIMINGS, run.timings().toString());
                }
                run.close();
            }
        }
    }

    /**
     * The checks of one candidate migration, run in order on the target's state (the state before
     * it). Candidates run in version order (same thread): each starts from the state the one before leaves.
     */
    static final class CandidateDescriptor extends Base {
        private final TargetDescriptor target;
        private final Migration migration;
        private CandidateRun run;

        CandidateDescriptor(UniqueId id, TargetDescriptor target, Migration migration) {
            super(id, migration.label(), source(migration.up().file(), migration.up().firstLine()), Type.CONTAINER,
                    ExecutionMode.SAME_THREAD);
            this.target = target;
            this.migration = migration;
        }

        CandidateRun run() {
            return run;
        }

        @Override
        public EngineContext before(EngineContext context) {
            run = new CandidateRun(target.run(), migration);
            return context;
        }

        @Override
        public void after(EngineContext context) throws Exception {
            if (run != null) {
                target.guarded(() -> {
                    run.finish();
                    return null;
                });
            }
        }
    }

    /** What a step does, given its context. */
    @FunctionalInterface
    interface Check {
        String run(EngineContext context) throws Exception;

        /** A piece of work with a result. */
        @FunctionalInterface
        interface Body<T> {
            T run() throws Exception;
        }
    }

    /** A check that also publishes structured findings (hazards as JSON), whether it passes or fails. */
    interface ReportingCheck {
        String run(EngineContext context, BiConsumer<String, String> report) throws Exception;
    }

    /**
     * One check: a test node whose outcome is the check's, with what it found as a report entry.
     * Steps run in order (same thread): each needs what the one before did.
     */
    static final class StepDescriptor extends Base {
        private final ReportingCheck check;

        StepDescriptor(UniqueId id, String displayName, TestSource source, Check check) {
            this(id, displayName, source, (ReportingCheck) (c, report) -> check.run(c));
        }

        StepDescriptor(UniqueId id, String displayName, TestSource source, ReportingCheck check) {
            super(id, displayName, source, Type.TEST, ExecutionMode.SAME_THREAD);
            this.check = check;
        }

        @Override
        public EngineContext execute(EngineContext context, DynamicTestExecutor executor) throws Exception {
            Check.Body<String> body = () -> check.run(context, (key, value) -> context.report(this, key, value));
            TargetDescriptor target = enclosingTarget();
            String found = target == null ? body.run() : target.guarded(body);
            if (found != null) {
                context.report(this, ReportEntryKeys.RESULT, found);
            }
            return context;
        }

        private TargetDescriptor enclosingTarget() {
            for (var at = getParent(); at.isPresent(); at = at.get().getParent()) {
                if (at.get() instanceof TargetDescriptor t) {
                    return t;
                }
            }
            return null;
        }
    }

    /** The scenario's migration files and their roles, for the verification manifest. */
    static String migrationsJson(Scenario scenario) {
        var json = new ObjectMapper();
        var out = json.createArrayNode();
        for (Migration m : scenario.baseline()) {
            if (!m.repeatable()) {
                out.addObject().put("scenario", scenario.name()).put("file", m.up().file().toString())
                        .put("version", m.version()).put("role", "baseline");
            }
        }
        for (Migration m : scenario.candidates()) {
            out.addObject().put("scenario", scenario.name()).put("file", m.up().file().toString())
                    .put("version", m.version()).put("role", "candidate");
        }
        return out.toString();
    }

    static String plural(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    static TestSource source(Path file, int line) {
        return FileSource.from(file.toFile(), FilePosition.from(Math.max(line, 1)));
    }

    /** Builds a scenario's subtree. */
    static ScenarioDescriptor build(UniqueId parent, Scenario scenario) {
        ScenarioDescriptor s = new ScenarioDescriptor(parent.append(SCENARIO, scenario.name()), scenario);
        for (TargetSpec spec : scenario.targets()) {
            TargetDescriptor t = new TargetDescriptor(s.getUniqueId().append(TARGET, spec.toString()), scenario, spec);
            s.addChild(t);
            UniqueId tid = t.getUniqueId();
            TestSource config = FileSource.from(scenario.configFile().toFile());
            t.addChild(new StepDescriptor(tid.append(STEP, "baseline"), "baseline applies (" + plural(scenario.baseline().size(), "migration")
                    + (scenario.seed().isEmpty() ? "" : " + seed") + ")", config,
                    (ReportingCheck) (c, report) -> {
                        report.accept(ReportEntryKeys.MIGRATIONS, migrationsJson(scenario));
                        return t.run().applyBaseline();
                    }));
            for (Migration m : scenario.candidates()) {
                CandidateDescriptor cd = new CandidateDescriptor(tid.append(MIGRATION, m.version()), t, m);
                t.addChild(cd);
                UniqueId mid = cd.getUniqueId();
                TestSource up = source(m.up().file(), m.up().firstLine());
                TestSource down = m.down() == null ? up : source(m.down().file(), m.down().firstLine());
                cd.addChild(new StepDescriptor(mid.append(STEP, "apply"), "applies", up, c -> cd.run().apply()));
                if (scenario.expectedEach() != null) {
                    cd.addChild(new StepDescriptor(mid.append(STEP, "expected"), "matches " + scenario.directory()
                            .relativize(scenario.expectedEach()) + "/" + m.version() + ".json", up,
                            c -> cd.run().matchesExpected(c.approve())));
                }
                if (scenario.releases() != null) {
                    cd.addChild(new StepDescriptor(mid.append(STEP, "compatibility"), "compatibility: the releases' "
                            + "statements prepare", up, (ReportingCheck) (c, report) -> cd.run().compatibility(
                                    hazards -> report.accept(ReportEntryKeys.HAZARDS, HazardJson.toJson(hazards)))));
                }
                // A member of a group is rolled back with its group, never alone.
                if (scenario.rollbackModes().contains("per-migration") && scenario.groupOf(m) == null) {
                    cd.addChild(new StepDescriptor(mid.append(STEP, "rollback"), "rollback restores the schema", down,
                            c -> cd.run().rollback()));
                    cd.addChild(new StepDescriptor(mid.append(STEP, "data"), "rows survive apply + rollback", down,
                            c -> cd.run().data()));
                    cd.addChild(new StepDescriptor(mid.append(STEP, "reapply"), "re-apply converges", up,
                            c -> cd.run().reapply()));
                }
                if (SafetyNets.hasProtected(scenario, m)) {
                    cd.addChild(new StepDescriptor(mid.append(STEP, "restore"), "safety net: restore brings the rows back "
                            + "from the backup", scenario.restore().containsKey(m.version()) ? source(scenario.restore()
                            .get(m.version()).file(), 1) : down, c -> cd.run().restore()));
                }
                cd.addChild(new StepDescriptor(mid.append(STEP, "partial-failure"), "partial failure: forward fix converges",
                        up, c -> cd.run().partialFailure()));
                cd.addChild(new StepDescriptor(mid.append(STEP, "online-safety"), "online safety", up,
                        (ReportingCheck) (c, report) -> cd.run().onlineSafety(
                                hazards -> report.accept(ReportEntryKeys.HAZARDS, HazardJson.toJson(hazards)))));
            }
            if (scenario.expected() != null) {
                t.addChild(new StepDescriptor(tid.append(STEP, "expected"), "final schema matches " + scenario.directory()
                        .relativize(scenario.expected()), config, c -> FinalChecks.matchesExpected(t.run(), c.approve())));
            }
            if (scenario.declared() != null) {
                t.addChild(new StepDescriptor(tid.append(STEP, "declared"), "migrations and declared schema agree", config,
                        c -> FinalChecks.declaredAgrees(t.run())));
            }
            for (Map.Entry<String, String> env : new TreeMap<>(scenario.environments()).entrySet()) {
                String source = env.getValue().startsWith("jdbc:") ? env.getValue()
                        : scenario.directory().resolve(env.getValue()).toString();
                t.addChild(new StepDescriptor(tid.append("environment", env.getKey()), env.getKey() + " matches (drift)",
                        config, c -> FinalChecks.environmentMatches(t.run(), env.getKey(), source)));
            }
            for (List<Migration> group : scenario.groups()) {
                if (group.size() > 1) {
                    Migration first = group.get(0);
                    Migration last = group.get(group.size() - 1);
                    t.addChild(new StepDescriptor(tid.append("group", first.version() + ".." + last.version()),
                            "group " + first.label() + " … " + last.label() + ": rolled back as a unit, restores the schema",
                            source(first.up().file(), first.up().firstLine()), c -> t.run().groupRollback(group)));
                }
            }
            if (scenario.rollbackModes().contains("chain") && scenario.historyChain()) {
                t.addChild(new StepDescriptor(tid.append(STEP, "history-rollback"), "chain rollback: the whole history "
                        + "up from an empty database and down again leaves it empty", config, c -> t.run().historyRollback()));
            } else if (scenario.rollbackModes().contains("chain") && !scenario.candidates().isEmpty()) {
                // Last: on MySQL it rolls back the target's own state.
                t.addChild(new StepDescriptor(tid.append(STEP, "chain-rollback"), "chain rollback: all candidates "
                        + "rolled back in reverse restore the baseline", config, c -> t.run().chainRollback()));
            }
        }
        return s;
    }
}
