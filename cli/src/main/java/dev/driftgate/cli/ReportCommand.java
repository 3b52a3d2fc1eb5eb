package dev.driftgate.cli;

import dev.driftgate.AtomicFiles;
import dev.driftgate.DriftgateException;
import dev.driftgate.reports.results.CodeQualityReport;
import dev.driftgate.reports.results.MarkdownSummary;
import dev.driftgate.reports.results.RunResults;
import dev.driftgate.reports.results.SarifReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code driftgate report}: the reports of a gate run, from its results directory, without running it again. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Render a gate run's reports from its results directory (driftgate test --results DIR): the "
                + "merge-request summary (Markdown), SARIF 2.1.0 and GitLab Code Quality JSON.",
            "Each file is written whole or not at all. Exit code 0: written; 2: error (no or malformed results)."},
        footer = {"", "Example:", "  driftgate report --results target/driftgate --markdown summary.md --sarif driftgate.sarif "
                + "--code-quality gl-code-quality-report.json"})
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--allure-results", paramLabel = "DIR", description = "Allure results of a gate run (driftgate test --allure DIR).")
    Path allureResults;

    @Option(names = "--allure-html", paramLabel = "DIR", description = "Write the Allure HTML report here (one index.html; "
            + "the Allure command line is fetched from Maven Central once, analytics off).")
    Path allureHtml;

    @Option(names = "--results", required = false, paramLabel = "DIR", description = "The results directory of a gate run "
            + "(repeat it for the shards of one run).")
    List<Path> results;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write the merge-request summary here (- for standard output).")
    String markdown;

    @Option(names = "--sarif", paramLabel = "FILE", description = "Write SARIF 2.1.0 here.")
    Path sarif;

    @Option(names = "--code-quality", paramLabel = "FILE", description = "Write GitLab Code Quality JSON here.")
    Path codeQuality;

    @Option(names = "--report-url", paramLabel = "URL", description = "Link to the full report in the summary (default: CI_JOB_URL's artifacts).")
    String reportUrl;

    @Option(names = "--limit", defaultValue = "" + MarkdownSummary.DEFAULT_LIMIT, description = "Most characters of the summary (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (allureHtml != null || allureResults != null) {
                if (allureHtml == null || allureResults == null) {
                    throw new DriftgateException("--allure-results and --allure-html go together");
                }
                AllureHtml.generate(allureResults, allureHtml);
                out.println("driftgate report: Allure report in " + allureHtml.resolve("index.html"));
                if (results == null) {
                    out.flush();
                    return Main.OK;
                }
            }
            if (results == null) {
                throw new DriftgateException("--results DIR: which gate run?");
            }
            RunResults run = RunResults.readAll(results);
            if (markdown == null && sarif == null && codeQuality == null) {
                markdown = "-";
            }
            if (markdown != null) {
                String text = MarkdownSummary.render(run, reportUrl != null ? reportUrl : defaultReportUrl(System.getenv()), limit);
                if (markdown.equals("-")) {
                    out.print(text);
                } else {
                    AtomicFiles.writeReport(Path.of(markdown), text);
                }
            }
            if (sarif != null) {
                AtomicFiles.writeReport(sarif, SarifReport.render(run));
            }
            if (codeQuality != null) {
                AtomicFiles.writeReport(codeQuality, CodeQualityReport.render(run));
            }
            out.flush();
            return Main.OK;
        } catch (DriftgateException e) {
            err.println("driftgate report: " + e.getMessage());
            return Main.ERROR;
        }
    }

    /** In a GitLab job: its artifacts page, where the full reports are. */
    static String defaultReportUrl(Map<String, String> env) {
        String job = env.get("CI_JOB_URL");
        return job == null || job.isBlank() ? null : job + "/artifacts/browse";
    }
}
