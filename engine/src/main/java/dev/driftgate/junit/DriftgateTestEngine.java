package dev.driftgate.junit;

import dev.driftgate.DriftgateException;
import dev.driftgate.config.DriftgateConfig;
import dev.driftgate.config.Settings;
import dev.driftgate.scenario.Scenario;
import dev.driftgate.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.config.PrefixedConfigurationParameters;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.ForkJoinPoolHierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * The driftgate JUnit Platform engine: every directory holding a {@code driftgate.yaml} becomes a
 * scenario, checked on each of its targets, each candidate migration a container of steps.
 * Discovered from directories, files, classpath roots, resources and packages, and unique ids (an
 * IDE re-running a node re-runs its target, since every step needs the state earlier ones leave).
 */
public final class DriftgateTestEngine extends HierarchicalTestEngine<EngineContext> {

    public static final String ID = "driftgate";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.driftgate");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("driftgate-engine");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        Root root = new Root(uniqueId);
        Path cwd = Path.of("").toAbsolutePath();
        TreeMap<String, Path> scenarios = new TreeMap<>();
        List<UniqueId> narrowing = new ArrayList<>();
        for (DirectorySelector s : request.getSelectorsByType(DirectorySelector.class)) {
            findScenarios(s.getPath(), cwd, scenarios);
        }
        for (FileSelector s : request.getSelectorsByType(FileSelector.class)) {
            Path file = s.getPath().toAbsolutePath();
            if (file.getFileName().toString().equals(ScenarioLoader.FILE_NAME)) {
                scenarios.put(name(file.getParent(), cwd), file.getParent());
            }
        }
        for (ClasspathRootSelector s : request.getSelectorsByType(ClasspathRootSelector.class)) {
            if ("file".equals(s.getClasspathRoot().getScheme())) {
                findScenarios(Path.of(s.getClasspathRoot()), cwd, scenarios);
            }
        }
        for (ClasspathResourceSelector s : request.getSelectorsByType(ClasspathResourceSelector.class)) {
            resources(s.getClasspathResourceName()).forEach(p -> findScenarios(p, cwd, scenarios));
        }
        for (PackageSelector s : request.getSelectorsByType(PackageSelector.class)) {
            resources(s.getPackageName().replace('.', '/')).forEach(p -> findScenarios(p, cwd, scenarios));
        }
        for (UniqueIdSelector s : request.getSelectorsByType(UniqueIdSelector.class)) {
            UniqueId id = s.getUniqueId();
            if (!id.hasPrefix(uniqueId) || id.getSegments().size() < 2) {
                continue;
            }
            UniqueId.Segment scenario = id.getSegments().get(1);
            if (scenario.getType().equals(Descriptors.SCENARIO)) {
                Path dir = cwd.resolve(scenario.getValue()).normalize();
                scenarios.put(scenario.getValue(), dir);
                narrowing.add(id);
            }
        }
        ConfigurationParameters config = request.getConfigurationParameters();
        Settings settings;
        try {
            settings = Settings.read(key -> config.get(key).map(String::strip).filter(v -> !v.isEmpty()));
        } catch (DriftgateException e) {
            // A bad setting fails each scenario it would have run, with the one line naming the key.
            scenarios.forEach((name, dir) -> root.addChild(new Descriptors.BrokenScenarioDescriptor(
                    uniqueId.append(Descriptors.SCENARIO, name), name, dir, e)));
            return root;
        }
        root.settings = settings;
        List<String> names = shard(new ArrayList<>(scenarios.keySet()), settings.shard());
        for (String name : names) {
            Path dir = scenarios.get(name);
            UniqueId id = uniqueId.append(Descriptors.SCENARIO, name);
            try {
                Scenario scenario = ScenarioLoader.load(dir, name, settings);
                TestDescriptor built = Descriptors.build(uniqueId, scenario);
                narrow(built, narrowing);
                root.addChild(built);
            } catch (DriftgateException | UncheckedIOException e) {
                root.addChild(new Descriptors.BrokenScenarioDescriptor(id, name, dir, e));
            }
        }
        return root;
    }

    /** Keeps, under a scenario, only the targets a unique-id selector names (all of them if it names none). */
    private static void narrow(TestDescriptor scenario, List<UniqueId> selected) {
        List<UniqueId> mine = selected.stream().filter(id -> id.hasPrefix(scenario.getUniqueId())
                && id.getSegments().size() > scenario.getUniqueId().getSegments().size()).toList();
        if (mine.isEmpty() || selected.stream().anyMatch(id -> id.equals(scenario.getUniqueId()))) {
            return;
        }
        for (TestDescriptor target : new ArrayList<>(scenario.getChildren())) {
            if (mine.stream().noneMatch(id -> id.hasPrefix(target.getUniqueId()))) {
                scenario.removeChild(target);
            }
        }
    }

    /**
     * The share of scenarios this job runs ({@code driftgate.shard=i/n}, or GitLab's
     * CI_NODE_INDEX/CI_NODE_TOTAL; null: all): scenario k (in name order) goes to shard k mod n.
     */
    static List<String> shard(List<String> names, Settings.Shard shard) {
        if (shard == null) {
            return names;
        }
        List<String> mine = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            if (k % shard.total() == shard.index() - 1) {
                mine.add(names.get(k));
            }
        }
        return mine;
    }

    private static void findScenarios(Path start, Path cwd, TreeMap<String, Path> into) {
        if (!Files.isDirectory(start)) {
            return;
        }
        try (Stream<Path> files = Files.walk(start)) {
            files.filter(p -> p.getFileName().toString().equals(ScenarioLoader.FILE_NAME) && Files.isRegularFile(p))
                    .filter(p -> p.toString().indexOf("/target/") < 0 || start.toString().contains("/target/"))
                    .forEach(p -> into.put(name(p.getParent().toAbsolutePath(), cwd), p.getParent().toAbsolutePath()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scenario's stable name: its path from the working directory, with forward slashes. */
    private static String name(Path dir, Path cwd) {
        Path d = dir.toAbsolutePath().normalize();
        String name = d.startsWith(cwd) ? cwd.relativize(d).toString() : d.toString();
        return name.isEmpty() ? "." : name.replace('\\', '/');
    }

    private static List<Path> resources(String name) {
        List<Path> out = new ArrayList<>();
        try {
            Enumeration<URL> urls = Thread.currentThread().getContextClassLoader().getResources(name);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if ("file".equals(url.getProtocol())) {
                    Path p = Path.of(url.toURI());
                    out.add(Files.isRegularFile(p) ? p.getParent() : p);
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new DriftgateException("cannot read classpath resource " + name + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    protected HierarchicalTestExecutorService createExecutorService(ExecutionRequest request) {
        ConfigurationParameters config = request.getConfigurationParameters();
        if (config.getBoolean(DriftgateConfig.PARALLEL).orElse(false)) {
            return new ForkJoinPoolHierarchicalTestExecutorService(
                    new PrefixedConfigurationParameters(config, DriftgateConfig.PARALLEL_CONFIG_PREFIX));
        }
        return super.createExecutorService(request);
    }

    @Override
    protected EngineContext createExecutionContext(ExecutionRequest request) {
        return new EngineContext(((Root) request.getRootTestDescriptor()).settings, request.getEngineExecutionListener());
    }

    /** The engine's root node. */
    static final class Root extends EngineDescriptor implements Node<EngineContext> {
        /** Read once at discovery; the defaults when a setting was bad (then every scenario is a broken one). */
        private Settings settings = Settings.defaults();

        Root(UniqueId id) {
            super(id, "driftgate");
        }
    }
}
