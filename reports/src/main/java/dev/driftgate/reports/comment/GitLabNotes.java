package dev.driftgate.reports.comment;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Notes of a GitLab merge request (REST API v4: {@code GET/POST /projects/:id/merge_requests/:iid/notes},
 * {@code PUT …/notes/:note_id}), authenticated with a {@code PRIVATE-TOKEN} header.
 */
public final class GitLabNotes implements CommentTarget {

    private final String api;
    private final String project;
    private final String mergeRequest;
    private final ApiClient client;

    public GitLabNotes(String apiUrl, String project, String mergeRequest, String token, LongConsumer sleeper,
            Duration budget) {
        this.api = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        this.project = project;
        this.mergeRequest = mergeRequest;
        this.client = new ApiClient(Map.of("PRIVATE-TOKEN", token), sleeper, budget);
    }

    private String notes() {
        return api + "/projects/" + URLEncoder.encode(project, StandardCharsets.UTF_8) + "/merge_requests/" + mergeRequest + "/notes";
    }

    @Override
    public String describe() {
        return "GitLab merge request !" + mergeRequest + " of project " + project;
    }

    @Override
    public Optional<String> findNote(String marker) throws IOException, InterruptedException {
        return client.findByMarker(page -> URI.create(notes() + "?per_page=100&sort=asc&page=" + page), marker);
    }

    @Override
    public void create(String body) throws IOException, InterruptedException {
        client.sendBody("POST", URI.create(notes()), body);
    }

    @Override
    public void update(String id, String body) throws IOException, InterruptedException {
        client.sendBody("PUT", URI.create(notes() + "/" + id), body);
    }
}
