package io.injectordoctor.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.utils.HttpClientUtils;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Read-only access to the API server as raw JSON. fabric8 supplies kubeconfig handling,
 * authentication and the HTTP layer; we skip its typed model, which a diagnosis does not need
 * and which costs start-up time.
 */
public final class ApiClient implements AutoCloseable {
    /** Page size of LIST calls: memory stays bounded by a page, not by the cluster. */
    public static final int PAGE_SIZE = 500;
    private static final int MAX_RETRIES = 3;
    private static final long MAX_RETRY_AFTER_MS = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;
    private final long timeoutMs;
    private final AtomicInteger requests = new AtomicInteger();
    private java.util.function.BiConsumer<String, Integer> pageListener = (path, items) -> { };

    public ApiClient(Config config) {
        this.http = HttpClientUtils.createHttpClient(config);
        String url = config.getMasterUrl();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.timeoutMs = config.getRequestTimeout() > 0 ? config.getRequestTimeout() : 10_000;
    }

    /** Told after each LIST page: the path and how many items the list has delivered so far. */
    public ApiClient onPage(java.util.function.BiConsumer<String, Integer> listener) {
        this.pageListener = listener;
        return this;
    }

    public String server() {
        return base;
    }

    /** Requests sent so far (retries included). */
    public int requestCount() {
        return requests.get();
    }

    public JsonNode get(String path) {
        return send(path);
    }

    /** All items of a LIST, following {@code continue} tokens page by page; a 410 restarts the list once. */
    public List<JsonNode> list(String path) {
        List<JsonNode> out = new ArrayList<>();
        listPages(path, new PageSink() {
            @Override
            public void item(JsonNode item) {
                out.add(item);
            }

            @Override
            public void restart() {
                out.clear();
            }
        });
        return out;
    }

    /** Receives the items of a LIST page by page; {@code restart()} means drop what was received so far. */
    public interface PageSink {
        void item(JsonNode item);

        void restart();
    }

    public void listPages(String path, PageSink sink) {
        String cont = null;
        boolean restarted = false;
        int delivered = 0;
        while (true) {
            String sep = path.contains("?") ? "&" : "?";
            String p = path + sep + "limit=" + PAGE_SIZE + (cont == null ? "" : "&continue=" + enc(cont));
            JsonNode page;
            try {
                page = send(p);
            } catch (ApiException e) {
                if (e.code() == 410 && cont != null && !restarted) {
                    // The continue token expired while paging: start over once, as kubectl does.
                    restarted = true;
                    cont = null;
                    sink.restart();
                    continue;
                }
                throw e;
            }
            JsonNode items = page.get("items");
            if (items != null) {
                items.forEach(sink::item);
                delivered += items.size();
            }
            pageListener.accept(path, delivered);
            String next = Json.text(page, "metadata", "continue");
            if (next == null || next.isEmpty()) {
                return;
            }
            cont = next;
        }
    }

    private JsonNode send(String path) {
        for (int attempt = 1;; attempt++) {
            HttpRequest req = http.newHttpRequestBuilder().uri(base + path).timeout(timeoutMs, TimeUnit.MILLISECONDS)
                    .header("Accept", "application/json").build();
            requests.incrementAndGet();
            HttpResponse<String> resp;
            try {
                resp = http.sendAsync(req, String.class).get(timeoutMs + 1_000, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new ApiException(0, "GET", path, "no answer within " + timeoutMs / 1000 + "s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(0, "GET", path, "interrupted", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause() == null ? e : e.getCause();
                throw new ApiException(0, "GET", path, describe(c), c);
            }
            int code = resp.code();
            if (resp.isSuccessful()) {
                try {
                    return JSON.readTree(resp.body());
                } catch (IOException e) {
                    throw new ApiException(code, "GET", path, "the API server sent a response that is not JSON", e);
                }
            }
            if ((code == 429 || code == 503) && attempt < MAX_RETRIES) {
                sleep(retryAfterMs(resp, attempt));
                continue;
            }
            throw new ApiException(code, "GET", path, statusMessage(resp.body(), code), null);
        }
    }

    private static long retryAfterMs(HttpResponse<String> resp, int attempt) {
        String h = resp.header("Retry-After");
        if (h != null) {
            try {
                return Math.min(MAX_RETRY_AFTER_MS, Long.parseLong(h.trim()) * 1000);
            } catch (NumberFormatException ignored) {
                // an HTTP date: fall back to our own backoff
            }
        }
        return Math.min(MAX_RETRY_AFTER_MS, 200L * attempt);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String statusMessage(String body, int code) {
        try {
            JsonNode n = JSON.readTree(body);
            String m = Json.text(n, "message");
            if (m != null) {
                return m;
            }
        } catch (IOException | RuntimeException ignored) {
            // not a Status object
        }
        return "HTTP " + code;
    }

    static String describe(Throwable c) {
        String m = c.getMessage();
        String type = c.getClass().getSimpleName();
        if (c instanceof java.net.ConnectException || (m != null && m.contains("Connection refused"))) {
            return "connection refused";
        }
        if (c instanceof java.net.UnknownHostException) {
            return "unknown host " + m;
        }
        if (c instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        if (c instanceof javax.net.ssl.SSLException) {
            return "TLS error: " + m;
        }
        if (c.getCause() != null && c.getCause() != c) {
            return describe(c.getCause());
        }
        return m == null ? type : type + ": " + m;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.close();
    }
}
