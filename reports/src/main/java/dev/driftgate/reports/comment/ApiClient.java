package dev.driftgate.reports.comment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * HTTP for the comment targets: bounded retries on 429 (after the Retry-After the server names,
 * capped) and on 5xx (with backoff), one-line errors naming the status and never the token.
 */
final class ApiClient {

    static final int ATTEMPTS = 3;
    static final long MAX_WAIT_MILLIS = 30_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> headers;
    private final LongConsumer sleeper;

    /** @param sleeper how waits are spent (tests pass one that records instead of sleeping) */
    ApiClient(Map<String, String> headers, LongConsumer sleeper) {
        this.headers = headers;
        this.sleeper = sleeper;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final int MAX_PAGES = 20;
    private static final int PER_PAGE = 100;

    /**
     * The id of the first note or comment whose body holds the marker, reading the list a page of
     * {@value #PER_PAGE} at a time (both APIs page with {@code per_page} and {@code page}).
     */
    java.util.Optional<String> findByMarker(java.util.function.IntFunction<URI> page, String marker)
            throws IOException, InterruptedException {
        for (int p = 1; p <= MAX_PAGES; p++) {
            com.fasterxml.jackson.databind.JsonNode list = JSON.readTree(send("GET", page.apply(p), null));
            for (com.fasterxml.jackson.databind.JsonNode note : list) {
                if (note.path("body").asText("").contains(marker)) {
                    return java.util.Optional.of(note.path("id").asText());
                }
            }
            if (list.size() < PER_PAGE) {
                break;
            }
        }
        return java.util.Optional.empty();
    }

    /** Creates or edits a note: both APIs take {@code {"body": …}}. */
    void sendBody(String method, URI uri, String body) throws IOException, InterruptedException {
        send(method, uri, JSON.createObjectNode().put("body", body).toString());
    }

    /** The response body of a 2xx; any other outcome is an {@link ApiException}. */
    String send(String method, URI uri, String jsonBody) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(jsonBody))
                    .header("Content-Type", "application/json").header("Accept", "application/json");
            headers.forEach(b::header);
            HttpResponse<String> response;
            try {
                response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt < ATTEMPTS) {
                    sleeper.accept(backoff(attempt));
                    continue;
                }
                throw new ApiException(method + " " + path(uri) + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + " (after " + attempt + " attempts)");
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return response.body();
            }
            if ((status == 429 || status / 100 == 5) && attempt < ATTEMPTS) {
                long wait = status == 429 ? retryAfter(response) : backoff(attempt);
                sleeper.accept(Math.min(wait, MAX_WAIT_MILLIS));
                continue;
            }
            throw new ApiException(method + " " + path(uri) + ": HTTP " + status + " " + meaning(status)
                    + (status == 429 || status / 100 == 5 ? " (after " + attempt + " attempts)" : ""));
        }
    }

    private static long retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Long.parseLong(v.strip()) * 1000;
            } catch (NumberFormatException e) {
                return 1000L;
            }
        }).orElse(1000L);
    }

    private static long backoff(int attempt) {
        return 500L << (attempt - 1);
    }

    /** The path without the query: query strings can carry tokens. */
    private static String path(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority() + uri.getRawPath();
    }

    private static String meaning(int status) {
        return switch (status) {
            case 401 -> "unauthorized: the token is missing, wrong or expired";
            case 403 -> "forbidden: the token may not comment here (needs api scope / pull-requests: write)";
            case 404 -> "not found: wrong project, merge request or API URL, or the token cannot see it";
            case 429 -> "rate limited";
            default -> status / 100 == 5 ? "server error" : "unexpected response";
        };
    }

    /** One line about a failed API call. */
    static final class ApiException extends IOException {
        ApiException(String message) {
            super(message);
        }
    }
}
