package dev.driftgate.safety;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Hazards as JSON, the form the engine publishes them in (a report entry {@code driftgate.hazards})
 * and reports read them back from: SARIF, Code Quality, the merge-request summary.
 */
public final class HazardJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HazardJson() {}

    public static String toJson(List<Hazard> hazards) {
        ArrayNode out = JSON.createArrayNode();
        for (Hazard h : hazards) {
            ObjectNode o = out.addObject();
            o.put("code", h.rule().code());
            o.put("level", h.level().label());
            o.put("group", h.rule().group().label());
            o.put("title", h.rule().title());
            o.put("file", h.file());
            o.put("line", h.line());
            o.put("statement", h.statement());
            o.put("detail", h.detail());
            o.put("suppressed", h.suppressed());
            o.put("observed", h.observed());
            o.put("alternative", h.rule().alternative());
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("hazards cannot be written as JSON", e);
        }
    }
}
