package dev.driftgate.cli;

import dev.driftgate.DriftgateException;
import dev.driftgate.reports.comment.CommentTarget;
import dev.driftgate.reports.comment.CommentTargets;
import dev.driftgate.reports.results.MarkdownSummary;
import dev.driftgate.reports.results.RunResults;
import dev.driftgate.text.SafeText;
import dev.driftgate.text.Secrets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code driftgate comment}: the run's summary on the merge request (GitLab) or pull request
 * (GitHub) the CI job runs for, as one note updated in place.
 */
@Command(name = "comment", mixinStandardHelpOptions = true,
        description = {"Post the gate's summary to the merge request (GitLab: CI_API_V4_URL, CI_PROJECT_ID, "
                + "CI_MERGE_REQUEST_IID, token in DRIFTGATE_GITLAB_TOKEN) or pull request (GitHub: GITHUB_REPOSITORY, "
                + "GITHUB_EVENT_PATH, token in GITHUB_TOKEN) of this CI job. The note is found again by a hidden marker "
                + "and updated, not posted once per pipeline. The token is never printed.",
            "Exit code 0: posted, or nothing to post to, or the API refused (reported in one line; the gate's verdict "
                    + "is not the comment's); 2: with --fail-on-error, the API refused; or no results."},
        footer = {"", "Example (GitLab job):", "  driftgate comment --results target/driftgate"})
final class CommentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--results", required = true, paramLabel = "DIR", description = "The results directory of a gate run "
            + "(repeat it for the shards of one run).")
    List<Path> results;

    @Option(names = "--token-env", paramLabel = "NAME", description = "The variable holding the token (default: "
            + CommentTargets.GITLAB_TOKEN + " on GitLab, " + CommentTargets.GITHUB_TOKEN + " on GitHub).")
    String tokenVariable;

    @Option(names = "--report-url", paramLabel = "URL", description = "Link to the full report (default: CI_JOB_URL's artifacts).")
    String reportUrl;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120", description = "Everything the command "
            + "sends (pages, retries and their waits) ends within this many seconds; one request within 30 (default: "
            + "${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--fail-on-error", description = "Exit 2 when the API refuses (default: report it and exit 0).")
    boolean failOnError;

    /** The environment the CI variables are read from; tests replace it. */
    Map<String, String> environment = System.getenv();

    /** How waits between retries are spent; tests record them instead. */
    LongConsumer sleeper = CommentCommand::sleep;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunResults run;
        try {
            run = RunResults.readAll(results);
        } catch (DriftgateException e) {
            err.println("driftgate comment: " + Secrets.mask(SafeText.line(e.getMessage())));
            return Main.ERROR;
        }
        String body = MarkdownSummary.render(run, reportUrl != null ? reportUrl : ReportCommand.defaultReportUrl(environment),
                MarkdownSummary.DEFAULT_LIMIT);
        Optional<CommentTarget> target;
        try {
            target = CommentTargets.fromEnvironment(environment, tokenVariable, sleeper,
                    Duration.ofSeconds(Math.max(1, timeoutSeconds)));
        } catch (DriftgateException e) {
            err.println("driftgate comment: " + Secrets.mask(SafeText.line(e.getMessage())));
            return failOnError ? Main.ERROR : Main.OK;
        }
        if (target.isEmpty()) {
            out.println("driftgate comment: not a merge-request pipeline or pull-request workflow: nothing to comment on");
            out.flush();
            return Main.OK;
        }
        try {
            Optional<String> existing = target.get().findNote(MarkdownSummary.MARKER);
            if (existing.isPresent()) {
                target.get().update(existing.get(), body);
                out.println(Secrets.mask("driftgate comment: updated the summary on " + target.get().describe()));
            } else {
                target.get().create(body);
                out.println(Secrets.mask("driftgate comment: posted the summary on " + target.get().describe()));
            }
            out.flush();
            return Main.OK;
        } catch (IOException e) {
            err.println(Secrets.mask("driftgate comment: " + target.get().describe() + ": " + SafeText.line(e.getMessage())));
            return failOnError ? Main.ERROR : Main.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("driftgate comment: interrupted");
            return Main.ERROR;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
