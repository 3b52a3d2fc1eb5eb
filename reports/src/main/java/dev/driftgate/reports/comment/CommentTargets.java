package dev.driftgate.reports.comment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftgate.DriftgateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/** Finds the merge request or pull request a CI job runs for, from the variables CI sets. */
public final class CommentTargets {

    public static final String GITLAB_TOKEN = "DRIFTGATE_GITLAB_TOKEN";
    public static final String GITHUB_TOKEN = "GITHUB_TOKEN";

    private CommentTargets() {}

    /**
     * @param env the environment (CI variables)
     * @param tokenVariable the variable holding the token, or null for the default of the platform
     * @param budget how long everything the target sends may take, retries and their waits included
     * @return the target, or empty when the job runs for no merge or pull request
     */
    public static Optional<CommentTarget> fromEnvironment(Map<String, String> env, String tokenVariable, LongConsumer sleeper,
            Duration budget) {
        if (present(env, "CI_MERGE_REQUEST_IID")) {
            String variable = tokenVariable == null ? GITLAB_TOKEN : tokenVariable;
            return Optional.of(new GitLabNotes(require(env, "CI_API_V4_URL"), require(env, "CI_PROJECT_ID"),
                    env.get("CI_MERGE_REQUEST_IID"), token(env, variable,
                            "a project or personal access token with the api scope, as a masked CI variable"), sleeper, budget));
        }
        if (present(env, "GITHUB_EVENT_PATH") && present(env, "GITHUB_REPOSITORY")) {
            String number = pullRequestNumber(Path.of(env.get("GITHUB_EVENT_PATH")));
            if (number == null) {
                return Optional.empty();
            }
            String variable = tokenVariable == null ? GITHUB_TOKEN : tokenVariable;
            return Optional.of(new GitHubComments(env.getOrDefault("GITHUB_API_URL", "https://api.github.com"),
                    env.get("GITHUB_REPOSITORY"), number, token(env, variable,
                            "the workflow's token (permissions: pull-requests: write)"), sleeper, budget));
        }
        return Optional.empty();
    }

    private static boolean present(Map<String, String> env, String name) {
        return env.get(name) != null && !env.get(name).isBlank();
    }

    private static String require(Map<String, String> env, String name) {
        if (!present(env, name)) {
            throw new DriftgateException(name + " is not set: not a GitLab merge-request pipeline?");
        }
        return env.get(name);
    }

    private static String token(Map<String, String> env, String variable, String what) {
        if (!present(env, variable)) {
            throw new DriftgateException("no token: set " + variable + " (" + what + ")");
        }
        return env.get(variable);
    }

    /** The pull request's number from the event payload, or null for an event of another kind. */
    private static String pullRequestNumber(Path event) {
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readString(event));
            JsonNode number = root.path("pull_request").path("number");
            return number.isMissingNode() || number.isNull() ? null : number.asText();
        } catch (IOException e) {
            throw new DriftgateException(event + ": cannot read the GitHub event payload: " + e.getMessage(), e);
        }
    }
}
