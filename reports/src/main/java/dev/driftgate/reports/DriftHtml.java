package dev.driftgate.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.driftgate.diff.Change;
import dev.driftgate.diff.ChangeDetails;
import dev.driftgate.diff.DiffResult;
import dev.driftgate.schema.SnapshotDigest;
import dev.driftgate.text.SafeText;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The drift scan as one self-contained HTML file (no scripts, no external resources, so it opens
 * from a CI artifact or an e-mail): the verdict, for a small fleet a status per environment and the
 * parity matrix, for a large one a row per distinct schema with its members, then per distinct
 * drifted schema each difference with the actual and expected definitions side by side, and the
 * remediation SQL.
 */
public final class DriftHtml {

    /** Definitions without their empty fields: what is set is what a reviewer compares. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_EMPTY);

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
            header{padding:20px 32px;color:#fff}header.ok{background:#1a7f37}header.drift{background:#cf222e}header.error{background:#9a6700}
            header h1{margin:0 0 4px;font-size:22px}header p{margin:0;opacity:.9}
            main{padding:16px 32px 48px;max-width:1400px}
            h2{font-size:18px;margin:28px 0 10px}h3{font-size:15px;margin:18px 0 8px}
            table{border-collapse:collapse;background:#fff;border:1px solid #d0d7de;margin-bottom:8px}
            th,td{border:1px solid #d0d7de;padding:6px 10px;text-align:left;vertical-align:top}
            th{background:#f6f8fa;font-weight:600}
            code,pre{font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace}
            pre{margin:0;white-space:pre-wrap;word-break:break-word}
            .badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600}
            .in-sync{background:#dafbe1;color:#1a7f37}.DRIFT{background:#ffebe9;color:#cf222e}.ERROR{background:#fff8c5;color:#9a6700}
            td.cell-eq{color:#8c959f;text-align:center}td.cell-diff{background:#ffebe9;font-weight:600}td.cell-unknown{background:#fff8c5}
            .sev-destructive{color:#cf222e;font-weight:700}.sev-breaking{color:#bc4c00;font-weight:700}
            .sev-warning{color:#9a6700}.sev-info{color:#57606a}
            .side{display:grid;grid-template-columns:1fr 1fr;gap:8px}.side div{background:#fff;border:1px solid #d0d7de;padding:8px}
            .side h4{margin:0 0 6px;font-size:12px;color:#57606a;text-transform:uppercase;letter-spacing:.04em}
            pre.sql{background:#fff;border:1px solid #d0d7de;padding:10px}
            footer{color:#57606a;font-size:12px;padding:0 32px 24px}
            """;

    private DriftHtml() {}

    /** @param generated when the scan ran */
    public static String render(DriftFleet fleet, ZonedDateTime generated) {
        List<DriftReport.Environment> environments = fleet.environments();
        int drifted = fleet.driftedCount();
        int errors = fleet.unreadable().size();
        int ways = fleet.drifted().size();
        String tone = errors > 0 ? "error" : drifted > 0 ? "drift" : "ok";
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>driftgate drift scan</title><style>")
                .append(STYLE).append("</style></head><body>\n");
        out.append("<header class=\"").append(tone).append("\"><h1>")
                .append(drifted == 0 && errors == 0 ? "No drift: every environment matches"
                        : drifted + " of " + fleet.size() + " environment" + (fleet.size() == 1 ? "" : "s")
                                + " drifted" + (ways > 1 ? " in " + ways + " distinct ways" : "")
                                + (errors > 0 ? ", " + errors + " unreadable" : ""))
                .append("</h1><p>").append(esc(fleet.headline())).append(fleet.shard() != null ? " · shard " + esc(fleet.shard()) : "")
                .append(" · expected schema: <code>").append(esc(fleet.expected())).append("</code> · scanned ")
                .append(esc(generated.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))).append("</p></header>\n<main>\n");

        if (environments.size() <= DriftFleet.SMALL) {
            environmentTable(out, environments);
            matrix(out, environments);
        } else {
            groupTable(out, fleet);
        }
        List<DriftFleet.Group> groups = fleet.drifted();
        for (int i = 0; i < groups.size(); i++) {
            DriftFleet.Group g = groups.get(i);
            out.append("<h2 id=\"drift-").append(i + 1).append("\">drift ").append(i + 1).append(" of ").append(groups.size())
                    .append(": ").append(esc(DriftFleet.label(g))).append(" <span class=\"badge DRIFT\">")
                    .append(g.result().differences().size()).append(" difference")
                    .append(g.result().differences().size() == 1 ? "" : "s").append("</span></h2>\n<p>schema <code>")
                    .append(esc(SnapshotDigest.shortForm(g.digest()))).append("</code> · ")
                    .append(g.members().size() == 1 ? "" : g.members().size() + " environments: ");
            g.members().forEach(m -> out.append("<span id=\"env-").append(esc(m.name())).append("\">").append(esc(m.name()))
                    .append("</span> "));
            out.append("</p>\n");
            for (DiffResult.Difference d : g.result().differences()) {
                Change c = d.change();
                out.append("<h3><span class=\"sev-").append(c.severity().label()).append("\">").append(c.severity().label())
                        .append("</span> · ").append(esc(c.kind())).append(" <code>").append(esc(c.object().toString()))
                        .append("</code></h3>\n<p>").append(esc(ChangeDetails.describe(c, d.aspects()))).append("</p>\n")
                        .append("<div class=\"side\"><div><h4>").append(esc(DriftFleet.label(g))).append(" (actual)</h4><pre>")
                        .append(esc(definition(c.before()))).append("</pre></div><div><h4>expected</h4><pre>")
                        .append(esc(definition(c.after()))).append("</pre></div></div>\n");
            }
            if (g.remediation() != null) {
                out.append("<h3>Remediation for ").append(esc(DriftFleet.label(g))).append("</h3>\n<pre class=\"sql\">")
                        .append(esc(g.remediation())).append("</pre>\n");
            }
        }
        out.append("</main><footer>driftgate drift scan · read-only catalog queries · credentials masked</footer></body></html>\n");
        return out.toString();
    }

    private static void environmentTable(StringBuilder out, List<DriftReport.Environment> environments) {
        out.append("<h2>Environments</h2>\n<table><tr><th>environment</th><th>status</th><th>source</th><th>read in</th>"
                + "<th>detail</th></tr>\n");
        for (DriftReport.Environment e : environments) {
            out.append("<tr><td><a href=\"#env-").append(esc(e.name())).append("\">").append(esc(e.name())).append("</a></td>")
                    .append("<td><span class=\"badge ").append(e.status().replace(' ', '-')).append("\">").append(esc(e.status()))
                    .append("</span></td><td><code>").append(esc(e.source())).append("</code></td><td>").append(e.millis())
                    .append(" ms</td><td>").append(esc(e.error() != null ? e.error() : DiffReport.verdict(e.result())))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static void matrix(StringBuilder out, List<DriftReport.Environment> environments) {
        Map<String, Map<String, String>> matrix = DriftReport.matrix(environments);
        if (matrix.isEmpty()) {
            return;
        }
        out.append("<h2>Parity matrix</h2>\n<p>The change that would bring each environment to the expected schema; "
                + "<code>=</code> where it matches.</p>\n<table><tr><th>object</th>");
        environments.forEach(e -> out.append("<th>").append(esc(e.name())).append("</th>"));
        out.append("</tr>\n");
        matrix.forEach((object, cells) -> {
            out.append("<tr><td><code>").append(esc(object)).append("</code></td>");
            for (DriftReport.Environment e : environments) {
                String cell = cells.get(e.name());
                String css = cell != null ? "cell-diff" : e.error() != null ? "cell-unknown" : "cell-eq";
                out.append("<td class=\"").append(css).append("\">")
                        .append(esc(cell != null ? cell : e.error() != null ? "?" : "=")).append("</td>");
            }
            out.append("</tr>\n");
        });
        out.append("</table>\n");
    }

    /** A large fleet: one row per distinct schema, its members listed in full (a page can hold them). */
    private static void groupTable(StringBuilder out, DriftFleet fleet) {
        out.append("<h2>Groups</h2>\n<table><tr><th>group</th><th>status</th><th>environments</th><th>members</th></tr>\n");
        int way = 0;
        for (DriftFleet.Group g : fleet.groups()) {
            String status = g.inSync() ? "in sync" : "DRIFT";
            String name = g.inSync() ? "schema " + SnapshotDigest.shortForm(g.digest()) : "drift " + ++way;
            out.append("<tr><td>").append(g.inSync() ? esc(name) : "<a href=\"#drift-" + way + "\">" + esc(name) + "</a>")
                    .append("</td><td><span class=\"badge ").append(status.replace(' ', '-')).append("\">").append(status)
                    .append("</span></td><td>").append(g.members().size()).append("</td><td>")
                    .append(esc(DriftFleet.names(g.members(), Integer.MAX_VALUE))).append("</td></tr>\n");
        }
        for (DriftFleet.Unreadable u : fleet.unreadable()) {
            out.append("<tr><td><code>").append(esc(u.member().source())).append("</code></td><td><span class=\"badge ERROR\">")
                    .append("ERROR</span></td><td>1</td><td>").append(esc(u.member().name())).append(": ").append(esc(u.error()))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static String definition(Object object) {
        if (object == null) {
            return "(absent)";
        }
        try {
            return JSON.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            return String.valueOf(object);
        }
    }

    /** HTML text: entities for markup, control characters shown (definitions keep their line breaks). */
    static String esc(String text) {
        return SafeText.htmlLines(text);
    }
}
