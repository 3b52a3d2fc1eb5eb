package dev.driftgate.reports.comment;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Comments of a GitHub pull request (REST: {@code GET/POST /repos/:owner/:repo/issues/:number/comments},
 * {@code PATCH /repos/:owner/:repo/issues/comments/:id}), authenticated with a bearer token.
 */
public final class GitHubComments implements CommentTarget {

    private final String api;
    private final String repository;
    private final String number;
    private final ApiClient client;

    public GitHubComments(String apiUrl, String repository, String number, String token, LongConsumer sleeper,
            Duration budget) {
        this.api = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        this.repository = repository;
        this.number = number;
        this.client = new ApiClient(Map.of("Authorization", "Bearer " + token, "X-GitHub-Api-Version", "2022-11-28"),
                sleeper, budget);
    }

    @Override
    public String describe() {
        return "GitHub pull request #" + number + " of " + repository;
    }

    @Override
    public Optional<String> findNote(String marker) throws IOException, InterruptedException {
        return client.findByMarker(page -> URI.create(api + "/repos/" + repository + "/issues/" + number
                + "/comments?per_page=100&page=" + page), marker);
    }

    @Override
    public void create(String body) throws IOException, InterruptedException {
        client.sendBody("POST", URI.create(api + "/repos/" + repository + "/issues/" + number + "/comments"), body);
    }

    @Override
    public void update(String id, String body) throws IOException, InterruptedException {
        client.sendBody("PATCH", URI.create(api + "/repos/" + repository + "/issues/comments/" + id), body);
    }
}
