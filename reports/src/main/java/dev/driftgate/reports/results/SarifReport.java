package dev.driftgate.reports.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftgate.safety.Rule;
import dev.driftgate.text.SafeText;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * SARIF 2.1.0 of a gate run, for code-scanning views: each online-safety hazard at its file and
 * line (suppressed ones carry their justification), and each failed check (a rollback that does
 * not restore, drift in an environment) at the file it is about.
 */
public final class SarifReport {

    private SarifReport() {}

    public static String render(RunResults run) {
        ObjectNode root = RunResults.JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode sarifRun = root.putArray("runs").addObject();
        ObjectNode driver = sarifRun.putObject("tool").putObject("driver");
        driver.put("name", "driftgate");
        driver.put("version", run.driftgateVersion());
        driver.put("informationUri", "https://driftgate.dev/docs/safety");
        ArrayNode rules = driver.putArray("rules");
        for (Rule r : Rule.values()) {
            ObjectNode rule = rules.addObject();
            rule.put("id", r.code());
            rule.put("name", r.name());
            rule.putObject("shortDescription").put("text", r.title());
            rule.putObject("fullDescription").put("text", r.rationale());
            rule.putObject("help").put("text", r.alternative());
            rule.putObject("defaultConfiguration").put("level", level(r.defaultLevel().label()));
        }
        ObjectNode gateRule = rules.addObject();
        gateRule.put("id", "gate");
        gateRule.putObject("shortDescription").put("text", "a gate check failed");
        ArrayNode results = sarifRun.putArray("results");
        for (RunResults.CheckResult c : run.checks()) {
            if (c.hazards() != null) {
                for (RunResults.HazardEntry h : c.hazards()) {
                    if ("off".equals(h.level())) {
                        continue;
                    }
                    ObjectNode r = results.addObject();
                    r.put("ruleId", h.code());
                    r.put("level", level(h.level()));
                    r.putObject("message").put("text", SafeText.line(h.title() + (h.detail() == null ? "" : " (" + h.detail() + ")")
                            + ": " + h.statement() + (h.observed() == null ? "" : " [observed: " + h.observed() + "]")));
                    location(r, h.file(), h.line());
                    if (h.suppressed() != null) {
                        r.putArray("suppressions").addObject().put("kind", "inSource").put("justification", h.suppressed());
                    }
                }
            }
            if (c.failed()) {
                ObjectNode r = results.addObject();
                r.put("ruleId", "gate");
                r.put("level", "error");
                r.putObject("message").put("text", SafeText.lines((c.scenario() == null ? "" : c.scenario() + " › ")
                        + (c.target() == null ? "" : c.target() + " › ") + c.name() + ": " + c.message()));
                if (c.file() != null) {
                    location(r, c.file(), c.line() == null ? 1 : c.line());
                }
            }
        }
        try {
            return RunResults.JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void location(ObjectNode result, String file, int line) {
        ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri(file));
        physical.putObject("region").put("startLine", Math.max(1, line));
    }

    /** A relative URI reference for a file path: spaces, controls and non-ASCII characters percent-encoded. */
    static String uri(String file) {
        try {
            return new URI(null, null, file.replace('\\', '/'), null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a file path: " + SafeText.line(file), e);
        }
    }

    private static String level(String hazardLevel) {
        return switch (hazardLevel) {
            case "error" -> "error";
            case "warning" -> "warning";
            default -> "note";
        };
    }
}
