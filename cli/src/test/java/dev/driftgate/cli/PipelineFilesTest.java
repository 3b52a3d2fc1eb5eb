package dev.driftgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The project's .gitlab-ci.yml and the GitHub Actions example parse, have the jobs the docs
 * promise, and every {@code ./driftgate} command in them is one the command line accepts, with
 * options it knows (parsed by picocli, as the job would run it).
 */
class PipelineFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern DRIFTGATE = Pattern.compile("\\./driftgate\\s+([^\\n|]*?)(?:\\s*(?:>|\\|\\||$))");

    @Test
    void theGitlabPipelineHasItsJobsAndEveryCommandParses() throws Exception {
        JsonNode ci = YAML.readTree(ROOT.resolve(".gitlab-ci.yml").toFile());
        assertEquals(List.of("build", "test", "gate", "report", "drift"), list(ci.path("stages")));
        Map<String, JsonNode> jobs = new java.util.TreeMap<>();
        for (Map.Entry<String, JsonNode> e : ci.properties()) {
            if (e.getValue().has("script")) {
                jobs.put(e.getKey(), e.getValue());
            }
        }
        assertEquals(Set.of("build", "test", "gate", "comment", "drift"), jobs.keySet());
        int commands = 0;
        for (Map.Entry<String, JsonNode> job : jobs.entrySet()) {
            JsonNode j = job.getValue();
            assertTrue(list(ci.path("stages")).contains(j.path("stage").asText()), job.getKey() + ": unknown stage");
            for (String parent : list(j.path("extends").isTextual() ? YAML.createArrayNode().add(j.path("extends")) : j.path("extends"))) {
                assertTrue(ci.has(parent), job.getKey() + " extends " + parent + ", which does not exist");
            }
            List<String> lines = new ArrayList<>(list(j.path("script")));
            lines.addAll(list(j.path("after_script")));
            for (String line : lines) {
                commands += checkCommands(job.getKey(), line);
            }
        }
        assertTrue(commands >= 4, "driftgate commands found: " + commands);

        JsonNode gate = jobs.get("gate");
        assertEquals(2, gate.path("parallel").asInt());
        assertTrue(gate.path("artifacts").path("reports").has("junit") && gate.path("artifacts").path("reports").has("codequality"));
        String comment = String.join(" ", list(jobs.get("comment").path("script")));
        for (int i = 1; i <= 2; i++) {
            assertTrue(comment.contains("--results target/driftgate/results-" + i), "the comment reads every shard: " + comment);
        }
        assertEquals(List.of("gate"), list(jobs.get("comment").path("needs")));
        assertEquals("$CI_PIPELINE_SOURCE == \"schedule\"", jobs.get("drift").path("rules").get(0).path("if").asText());
        assertTrue(ci.path(".not-scheduled").path("rules").get(0).path("if").asText().contains("schedule"));
        for (String scenario : String.join(" ", list(gate.path("script"))).split("\\s+")) {
            if (scenario.startsWith("scenarios/")) {
                assertTrue(Files.isRegularFile(ROOT.resolve(scenario).resolve("driftgate.yaml")), scenario + " is not a scenario");
            }
        }
    }

    @Test
    void theGithubActionsExampleParsesAndItsCommandsToo() throws Exception {
        JsonNode workflow = YAML.readTree(ROOT.resolve("docs/examples/github-actions-driftgate.yml").toFile());
        assertTrue(workflow.path("jobs").has("gate") && workflow.path("jobs").has("drift"));
        assertEquals("write", workflow.path("permissions").path("pull-requests").asText());
        int commands = 0;
        for (JsonNode job : workflow.path("jobs")) {
            for (JsonNode step : job.path("steps")) {
                if (step.has("run")) {
                    commands += checkCommands("github", step.path("run").asText());
                }
            }
        }
        assertEquals(4, commands);
    }

    /** Parses each ./driftgate command of a script line with the real command line; returns how many. */
    private static int checkCommands(String job, String line) {
        int n = 0;
        Matcher m = DRIFTGATE.matcher(line.replace("\n", " ").replaceAll("\\$\\{\\{[^}]*}}", "x"));
        while (m.find()) {
            List<String> args = new ArrayList<>();
            for (String token : m.group(1).trim().split("\\s+")) {
                args.add(token.replace("$CI_NODE_INDEX", "1").replace("\"", "")
                        .replaceAll("\\$[A-Z_]+", "x"));
            }
            try {
                new CommandLine(new Main()).parseArgs(args.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                throw new AssertionError(job + ": ./driftgate " + String.join(" ", args) + ": " + e.getMessage(), e);
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
