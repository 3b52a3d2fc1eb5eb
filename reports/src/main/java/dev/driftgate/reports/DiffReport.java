package dev.driftgate.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftgate.diff.Aspect;
import dev.driftgate.diff.Change;
import dev.driftgate.diff.ChangeDetails;
import dev.driftgate.diff.DefinitionText;
import dev.driftgate.diff.DiffResult;
import dev.driftgate.diff.Severity;
import dev.driftgate.text.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Renders a diff for people (text, Markdown) and for programs (JSON). */
public final class DiffReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String RESET = "\u001b[0m";

    private DiffReport() {}

    /** The verdict line: {@code 3 differences (1 destructive, 2 info); 1 suppressed; 0 not compared}. */
    public static String verdict(DiffResult result) {
        if (result.isEmpty()) {
            return "no differences" + tail(result);
        }
        List<String> counts = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            long n = result.count(severity);
            if (n > 0) {
                counts.add(n + " " + severity.label());
            }
        }
        int n = result.differences().size();
        return n + (n == 1 ? " difference" : " differences") + " (" + String.join(", ", counts) + ")" + tail(result);
    }

    private static String tail(DiffResult result) {
        return "; " + result.suppressed().size() + " suppressed; " + result.notCompared().size() + " not compared";
    }

    public static String text(DiffResult result, boolean colour) {
        StringBuilder out = new StringBuilder(verdict(result)).append('\n');
        for (DiffResult.Difference d : result.differences()) {
            Change c = d.change();
            String severity = String.format("%-11s", c.severity().label());
            out.append(colour ? colour(c.severity()) + severity + RESET : severity)
                    .append(String.format(" %-17s %s: %s%n", c.kind(), c.object(),
                            SafeText.line(ChangeDetails.describe(c, d.aspects()))));
            DefinitionText.of(c, d.aspects()).ifPresent(text -> text.unifiedDiff()
                    .forEach(line -> out.append("      ").append(SafeText.line(line)).append('\n')));
        }
        if (!result.suppressed().isEmpty()) {
            out.append("\nsuppressed:\n");
            for (DiffResult.Suppressed s : result.suppressed()) {
                out.append("  ").append(s.change().kind()).append(' ').append(s.change().object())
                        .append(aspectSuffix(s.aspects())).append("  (rule ").append(SafeText.line(s.rule().toString()))
                        .append(")\n");
            }
        }
        if (!result.notCompared().isEmpty()) {
            out.append("\nnot compared (not modelled):\n");
            for (Change.NotCompared n : result.notCompared()) {
                out.append("  ").append(SafeText.line(n.object().table())).append(' ')
                        .append(SafeText.line(n.object().name())).append(" (").append(n.side()).append(")\n");
            }
        }
        return out.toString();
    }

    private static String aspectSuffix(Set<Aspect> aspects) {
        return aspects.isEmpty() ? "" : ": " + aspects.stream().map(Aspect::label).sorted().collect(Collectors.joining(", "));
    }

    private static String colour(Severity severity) {
        return switch (severity) {
            case DESTRUCTIVE -> "\u001b[1;31m";
            case BREAKING -> "\u001b[31m";
            case WARNING -> "\u001b[33m";
            case INFO -> "\u001b[36m";
        };
    }

    public static String markdown(DiffResult result) {
        StringBuilder out = new StringBuilder("**").append(verdict(result)).append("**\n");
        if (!result.differences().isEmpty()) {
            out.append("\n| severity | change | object | detail |\n|---|---|---|---|\n");
            for (DiffResult.Difference d : result.differences()) {
                Change c = d.change();
                out.append("| ").append(c.severity().label()).append(" | ").append(c.kind()).append(" | ")
                        .append(SafeText.markdownCode(c.object().toString())).append(" | ")
                        .append(SafeText.markdown(ChangeDetails.describe(c, d.aspects()))).append(" |\n");
            }
        }
        if (!result.suppressed().isEmpty()) {
            out.append("\n<details><summary>").append(result.suppressed().size())
                    .append(" suppressed</summary>\n\n");
            for (DiffResult.Suppressed s : result.suppressed()) {
                out.append("- ").append(s.change().kind()).append(' ')
                        .append(SafeText.markdownCode(s.change().object().toString())).append(aspectSuffix(s.aspects()))
                        .append(" — rule ").append(SafeText.markdownCode(s.rule().toString())).append('\n');
            }
            out.append("\n</details>\n");
        }
        if (!result.notCompared().isEmpty()) {
            out.append("\n<details><summary>").append(result.notCompared().size())
                    .append(" not compared (not modelled)</summary>\n\n");
            for (Change.NotCompared n : result.notCompared()) {
                out.append("- ").append(SafeText.markdown(n.object().table())).append(' ')
                        .append(SafeText.markdownCode(n.object().name())).append(" (").append(n.side()).append(")\n");
            }
            out.append("\n</details>\n");
        }
        return out.toString();
    }

    public static String json(DiffResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("verdict", verdict(result));
        root.put("differenceCount", result.differences().size());
        ArrayNode differences = root.putArray("differences");
        for (DiffResult.Difference d : result.differences()) {
            ObjectNode node = entry(d.change(), d.aspects());
            node.put("detail", ChangeDetails.describe(d.change(), d.aspects()));
            node.set("actual", JSON.valueToTree(d.change().before()));
            node.set("expected", JSON.valueToTree(d.change().after()));
            differences.add(node);
        }
        ArrayNode suppressed = root.putArray("suppressed");
        for (DiffResult.Suppressed s : result.suppressed()) {
            suppressed.add(entry(s.change(), s.aspects()).put("rule", s.rule().toString()));
        }
        ArrayNode notCompared = root.putArray("notCompared");
        for (Change.NotCompared n : result.notCompared()) {
            notCompared.addObject().put("kind", n.object().table()).put("name", n.object().name()).put("side", n.side());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * SARIF 2.1.0, for code-scanning dashboards: one result per difference, the change kind as the
     * rule, the object as a logical location (a snapshot has no file and line).
     */
    public static String sarif(DiffResult result, String version) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "driftgate");
        driver.put("version", version);
        driver.put("informationUri", "https://driftgate.dev");
        ArrayNode rules = driver.putArray("rules");
        Set<String> seen = new TreeSet<>();
        result.differences().forEach(d -> seen.add(d.change().kind()));
        for (String kind : seen) {
            rules.addObject().put("id", kind).putObject("shortDescription").put("text", kind + ": schema difference");
        }
        ArrayNode results = run.putArray("results");
        for (DiffResult.Difference d : result.differences()) {
            Change c = d.change();
            ObjectNode r = results.addObject();
            r.put("ruleId", c.kind());
            r.put("level", switch (c.severity()) {
                case DESTRUCTIVE, BREAKING -> "error";
                case WARNING -> "warning";
                case INFO -> "note";
            });
            r.putObject("message").put("text", c.object() + ": " + SafeText.line(ChangeDetails.describe(c, d.aspects())));
            r.putObject("properties").put("severity", c.severity().label());
            ObjectNode logical = r.putArray("locations").addObject().putArray("logicalLocations").addObject();
            logical.put("fullyQualifiedName", c.object().path());
            logical.put("kind", c.object().kind().label());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode entry(Change change, Set<Aspect> aspects) {
        ObjectNode node = JSON.createObjectNode();
        node.put("change", change.kind());
        node.put("severity", change.severity().label());
        node.put("objectKind", change.object().kind().label());
        node.put("object", change.object().path());
        ArrayNode list = node.putArray("aspects");
        aspects.stream().map(Aspect::label).sorted().forEach(list::add);
        return node;
    }
}
