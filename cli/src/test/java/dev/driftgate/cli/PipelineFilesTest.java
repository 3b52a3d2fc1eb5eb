package dev.driftgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The project's .gitlab-ci.yml, the GitLab template it includes, the GitHub action and the GitHub
 * Actions example parse, have the jobs the docs promise, and every driftgate command in them is one
 * the command line accepts, with options it knows (parsed by picocli, as the job would run it).
 */
class PipelineFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final YAMLMapper YAML = new YAMLMapper();
    /** A driftgate command in a script: ./driftgate, driftgate on the PATH, or an installation's bin/driftgate. */
    private static final Pattern DRIFTGATE = Pattern.compile("(?:^|[\\s/\"])driftgate\"?\\s+((?:--|[a-z])[^\\n|]*?)(?:\\s*(?:>|\\||$))",
            Pattern.MULTILINE);
    private static final Pattern INPUT = Pattern.compile("\\$\\[\\[\\s*inputs\\.([\\w-]+)\\s*]]");

    /** The template's jobs with the inputs replaced by the include's (else the defaults), as GitLab expands them. */
    private static Map<String, JsonNode> template(JsonNode include) throws Exception {
        String[] parts = Files.readString(ROOT.resolve(include.path("local").asText())).split("\n---\n", 2);
        Map<String, String> inputs = new HashMap<>();
        YAML.readTree(parts[0]).path("spec").path("inputs").properties()
                .forEach(e -> inputs.put(e.getKey(), e.getValue().path("default").asText()));
        include.path("inputs").properties().forEach(e -> {
            assertTrue(inputs.containsKey(e.getKey()), "the template has no input " + e.getKey());
            inputs.put(e.getKey(), e.getValue().asText());
        });
        Matcher m = INPUT.matcher(parts[1]);
        StringBuilder body = new StringBuilder();
        while (m.find()) {
            assertTrue(inputs.containsKey(m.group(1)), "the template uses an undeclared input " + m.group(1));
            m.appendReplacement(body, Matcher.quoteReplacement(inputs.get(m.group(1))));
        }
        m.appendTail(body);
        Map<String, JsonNode> jobs = new TreeMap<>();
        YAML.readTree(body.toString()).properties().forEach(e -> jobs.put(e.getKey(), e.getValue()));
        return jobs;
    }

    @Test
    void theGitlabPipelineHasItsJobsAndEveryCommandParses() throws Exception {
        JsonNode ci = YAML.readTree(ROOT.resolve(".gitlab-ci.yml").toFile());
        assertEquals(List.of("build", "test", "gate", "report", "drift"), list(ci.path("stages")));
        assertEquals("templates/driftgate.yml", ci.path("include").get(0).path("local").asText(), "the pipeline uses the template");
        // GitLab merges a job of the including file into the template's job of the same name.
        Map<String, JsonNode> all = template(ci.path("include").get(0));
        for (Map.Entry<String, JsonNode> e : ci.properties()) {
            JsonNode merged = all.containsKey(e.getKey()) ? all.get(e.getKey()).deepCopy() : YAML.createObjectNode();
            e.getValue().properties().forEach(p -> ((ObjectNode) merged).set(p.getKey(), p.getValue()));
            all.put(e.getKey(), merged);
        }
        Map<String, JsonNode> jobs = new TreeMap<>();
        all.forEach((name, job) -> {
            if (job.has("script")) {
                jobs.put(name, job);
            }
        });
        assertEquals(Set.of("build", "test", "outside", "driftgate-gate", "driftgate-comment", "driftgate-drift",
                "driftgate-drift-report"), jobs.keySet());
        int commands = 0;
        for (Map.Entry<String, JsonNode> job : jobs.entrySet()) {
            JsonNode j = job.getValue();
            assertTrue(list(ci.path("stages")).contains(j.path("stage").asText("test")), job.getKey() + ": unknown stage");
            List<String> lines = new ArrayList<>();
            for (String parent : list(j.path("extends").isTextual() ? YAML.createArrayNode().add(j.path("extends")) : j.path("extends"))) {
                assertTrue(all.containsKey(parent), job.getKey() + " extends " + parent + ", which does not exist");
                lines.addAll(list(all.get(parent).path("before_script")));
            }
            lines.addAll(list(j.path("script")));
            lines.addAll(list(j.path("after_script")));
            for (String line : lines) {
                commands += checkCommands(job.getKey(), line);
            }
        }
        assertTrue(commands >= 11, "driftgate commands found: " + commands);

        JsonNode gate = jobs.get("driftgate-gate");
        assertEquals(2, gate.path("parallel").asInt());
        assertEquals("gate", gate.path("stage").asText());
        assertTrue(gate.path("artifacts").path("reports").has("junit") && gate.path("artifacts").path("reports").has("codequality"));
        assertTrue(list(gate.path("extends")).contains(".databases"), "the pipeline adds the database services to the template's gate");
        assertTrue(list(gate.path("extends")).contains(".driftgate-install"), "a merged extends replaces the template's: keep the install");
        assertTrue(String.join(" ", list(jobs.get("driftgate-comment").path("script"))).contains("target/driftgate/results-*"),
                "the comment reads every shard");
        assertEquals(List.of("build", "driftgate-gate"), list(jobs.get("driftgate-comment").path("needs")));
        assertEquals("$CI_PIPELINE_SOURCE == \"schedule\"", jobs.get("driftgate-drift").path("rules").get(0).path("if").asText());
        assertEquals("drift", jobs.get("driftgate-drift").path("stage").asText());
        assertTrue(jobs.get("driftgate-drift").has("parallel"), "the drift scan runs as parallel: shards");
        assertTrue(String.join(" ", list(jobs.get("driftgate-drift-report").path("script"))).contains("--merge"),
                "the report merges the shards");
        assertEquals(List.of("build", "driftgate-drift"), list(jobs.get("driftgate-drift-report").path("needs")));
        assertTrue(!jobs.get("build").has("rules"), "the build runs in scheduled pipelines too: the drift scan installs its archive");
        assertTrue(ci.path(".not-scheduled").path("rules").get(0).path("if").asText().contains("schedule"));
        for (String scenario : String.join(" ", list(gate.path("script"))).split("\\s+")) {
            if (scenario.startsWith("scenarios/")) {
                assertTrue(Files.isRegularFile(ROOT.resolve(scenario).resolve("driftgate.yaml")), scenario + " is not a scenario");
            }
        }
    }

    private static Set<String> actionInputs() {
        try {
            Set<String> names = new HashSet<>();
            YAML.readTree(ROOT.resolve("action.yml").toFile()).path("inputs").fieldNames().forEachRemaining(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theGithubActionInstallsAndRunsCommandsThatParse() throws Exception {
        JsonNode action = YAML.readTree(ROOT.resolve("action.yml").toFile());
        assertEquals("composite", action.path("runs").path("using").asText());
        for (String input : List.of("version", "repository", "archive", "command", "scenarios", "targets", "shard", "args")) {
            assertTrue(action.path("inputs").has(input), "input " + input);
        }
        int commands = 0;
        for (JsonNode step : action.path("runs").path("steps")) {
            commands += checkCommands("action", step.path("run").asText());
        }
        assertEquals(2, commands);
    }

    @Test
    void theGithubActionsExampleParsesAndItsCommandsToo() throws Exception {
        JsonNode workflow = YAML.readTree(ROOT.resolve("docs/examples/github-actions-driftgate.yml").toFile());
        assertTrue(workflow.path("jobs").has("gate") && workflow.path("jobs").has("drift"));
        assertEquals("write", workflow.path("permissions").path("pull-requests").asText());
        int commands = 0;
        int installs = 0;
        for (JsonNode job : workflow.path("jobs")) {
            for (JsonNode step : job.path("steps")) {
                if (step.has("run")) {
                    commands += checkCommands("github", step.path("run").asText());
                }
                if (step.path("uses").asText().startsWith("driftgate/driftgate@")) {
                    installs++;
                    step.path("with").properties().forEach(w -> assertTrue(
                            actionInputs().contains(w.getKey()), "the action has no input " + w.getKey()));
                }
            }
        }
        assertEquals(3, commands);
        assertEquals(2, installs, "the gate and the drift scan install driftgate with the action");
    }

    /** Parses each driftgate command of a script line with the real command line; returns how many. */
    private static int checkCommands(String job, String line) {
        int n = 0;
        // What a loop collected with `set -- "$@" --option value` stands in for "$@".
        Matcher collected = Pattern.compile("set -- \"\\$@\" (--[a-z-]+)").matcher(line);
        String positional = collected.find() ? collected.group(1) + " a=b" : "";
        String script = line.replace("\\\n", " ")
                .replaceAll("\\$\\{\\{[^}]*}}", "x")
                .replaceAll("\\$\\{\\w+:\\+([^}]*)}", "$1")
                .replaceAll("\\$\\{\\w+:-([^}]*)}", "$1")
                .replace("\"$@\"", positional)
                .replaceAll("\\d>/dev/null", "");
        Matcher m = DRIFTGATE.matcher(script);
        while (m.find()) {
            List<String> args = new ArrayList<>();
            for (String token : m.group(1).trim().split("\\s+")) {
                if (token.equals("$SCENARIOS") || token.equals("$ARGS") || token.equals("$COMMAND")) {
                    continue; // the action's inputs: words of their own
                }
                args.add(token.replace("$CI_NODE_INDEX", "1").replace("\"", "")
                        .replaceAll("\\$[A-Za-z_]+", "x"));
            }
            if (args.isEmpty()) {
                continue;
            }
            try {
                new CommandLine(new Main()).parseArgs(args.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                throw new AssertionError(job + ": driftgate " + String.join(" ", args) + ": " + e.getMessage(), e);
            }
            n++;
        }
        return n;
    }

    private static List<String> list(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(n -> out.add(n.asText()));
        return out;
    }
}
