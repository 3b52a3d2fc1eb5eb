package dev.driftgate.reports.comment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;

/**
 * HTTP for the comment targets: bounded retries on 429 (after the Retry-After the server names,
 * capped) and on 5xx (with backoff), one-line errors naming the status and never the token.
 */
final class ApiClient {

    static final int ATTEMPTS = 3;
    static final long MAX_WAIT_MILLIS = 30_000;
    /** One request, from sending to the last byte of the reply. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** A page of a hundred notes is a few hundred kilobytes; nothing legitimate comes near this. */
    static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Duration budget;
    private final long deadline;
    private final Map<String, String> headers;
    private final LongConsumer sleeper;

    /**
     * @param sleeper how waits are spent (tests pass one that records instead of sleeping)
     * @param budget everything this client sends (pages, retries and their waits) ends within it
     */
    ApiClient(Map<String, String> headers, LongConsumer sleeper, Duration budget) {
        this.headers = headers;
        this.sleeper = sleeper;
        this.budget = budget;
        this.deadline = System.nanoTime() + budget.toNanos();
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PAGES = 20;
    private static final int PER_PAGE = 100;

    /**
     * The id of the first note or comment whose body holds the marker, reading the list a page of
     * {@value #PER_PAGE} at a time (both APIs page with {@code per_page} and {@code page}).
     */
    Optional<String> findByMarker(IntFunction<URI> page, String marker)
            throws IOException, InterruptedException {
        for (int p = 1; p <= MAX_PAGES; p++) {
            JsonNode list = JSON.readTree(send("GET", page.apply(p), null));
            for (JsonNode note : list) {
                if (note.path("body").asText("").contains(marker)) {
                    return Optional.of(note.path("id").asText());
                }
            }
            if (list.size() < PER_PAGE) {
                break;
            }
        }
        return Optional.empty();
    }

    /** Creates or edits a note: both APIs take {@code {"body": …}}. */
    void sendBody(String method, URI uri, String body) throws IOException, InterruptedException {
        send(method, uri, JSON.createObjectNode().put("body", body).toString());
    }

    /** The response body of a 2xx; any other outcome is an {@link ApiException}. */
    String send(String method, URI uri, String jsonBody) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofMillis(Math.max(1, Math.min(REQUEST_TIMEOUT.toMillis(), remainingMillis()))))
                    .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(jsonBody))
                    .header("Content-Type", "application/json").header("Accept", "application/json");
            headers.forEach(b::header);
            HttpResponse<String> response;
            try {
                response = exchange(b.build());
            } catch (IOException e) {
                if (attempt < ATTEMPTS && remainingMillis() > 0) {
                    sleeper.accept(Math.min(backoff(attempt), remainingMillis()));
                    continue;
                }
                throw new ApiException(method + " " + path(uri) + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + " (after " + attempt + " attempts)");
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return response.body();
            }
            if ((status == 429 || status / 100 == 5) && attempt < ATTEMPTS && remainingMillis() > 0) {
                long wait = status == 429 ? retryAfter(response) : backoff(attempt);
                sleeper.accept(Math.min(Math.min(wait, MAX_WAIT_MILLIS), remainingMillis()));
                continue;
            }
            throw new ApiException(method + " " + path(uri) + ": HTTP " + status + " " + meaning(status)
                    + (status == 429 || status / 100 == 5 ? " (after " + attempt + " attempts)" : ""));
        }
    }

    /**
     * One exchange within its deadlines: the request's own ({@link #REQUEST_TIMEOUT}, which
     * {@code HttpRequest.timeout} applies only until the headers arrive) and what is left of the
     * client's budget; a body larger than {@link #MAX_BODY_BYTES} is refused as
     * it arrives. A server that trickles its reply cannot hold the job.
     */
    private HttpResponse<String> exchange(HttpRequest request) throws IOException, InterruptedException {
        long wait = Math.min(REQUEST_TIMEOUT.toMillis(), remainingMillis());
        if (wait <= 0) {
            throw new IOException("the time budget of " + budget.toSeconds() + " s is spent");
        }
        CompletableFuture<HttpResponse<String>> reply = http.sendAsync(request, info -> new CappedBody(MAX_BODY_BYTES));
        try {
            return reply.get(wait, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reply.cancel(true);
            throw new IOException("no complete reply within " + wait / 1000 + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause.getMessage(), cause);
        }
    }

    private long remainingMillis() {
        return (deadline - System.nanoTime()) / 1_000_000;
    }

    /** Collects a reply's body as UTF-8 text, giving up as soon as it passes the cap. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<String> {

        private final long cap;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(long cap) {
            this.cap = cap;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (body.size() + (long) buffer.remaining() > cap) {
                    subscription.cancel();
                    result.completeExceptionally(new IOException("the reply is larger than " + cap / (1024 * 1024)
                            + " MiB"));
                    return;
                }
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                body.write(bytes, 0, bytes.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(body.toString(StandardCharsets.UTF_8));
        }

        @Override
        public CompletionStage<String> getBody() {
            return result;
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

    /** The URL without user-info or query: both can carry tokens ({@code https://oauth2:TOKEN@host}). */
    private static String path(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + uri.getRawPath();
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
