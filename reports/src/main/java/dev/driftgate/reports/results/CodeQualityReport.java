package dev.driftgate.reports.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftgate.text.SafeText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * GitLab Code Quality JSON (the CodeClimate subset GitLab reads): unsuppressed hazards and failed
 * checks, each with a fingerprint stable across pipelines, so the merge-request widget shows what
 * is new.
 */
public final class CodeQualityReport {

    private CodeQualityReport() {}

    public static String render(RunResults run) {
        ArrayNode out = RunResults.JSON.createArrayNode();
        for (RunResults.CheckResult c : run.checks()) {
            if (c.hazards() != null) {
                for (RunResults.HazardEntry h : c.hazards()) {
                    if (!h.counts()) {
                        continue;
                    }
                    add(out, h.code() + " " + h.title() + (h.detail() == null ? "" : " (" + h.detail() + ")"),
                            h.code(), severity(h.level()), h.file(), h.line(), h.code() + "|" + h.file() + "|" + h.statement());
                }
            }
            if (c.failed() && c.file() != null) {
                String first = c.message() == null ? "" : c.message().lines().findFirst().orElse("");
                add(out, c.name() + ": " + first, "driftgate-gate", "blocker", c.file(), c.line() == null ? 1 : c.line(),
                        c.scenario() + "|" + c.target() + "|" + c.migration() + "|" + c.step());
            }
        }
        try {
            return RunResults.JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(ArrayNode out, String description, String checkName, String severity, String file, int line,
            String identity) {
        ObjectNode o = out.addObject();
        o.put("description", SafeText.line(description));
        o.put("check_name", checkName);
        o.put("fingerprint", fingerprint(identity));
        o.put("severity", severity);
        ObjectNode location = o.putObject("location");
        location.put("path", file);
        location.putObject("lines").put("begin", Math.max(1, line));
    }

    private static String severity(String level) {
        return switch (level) {
            case "error" -> "critical";
            case "warning" -> "major";
            default -> "info";
        };
    }

    private static String fingerprint(String identity) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
