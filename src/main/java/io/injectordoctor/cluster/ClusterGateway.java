package io.injectordoctor.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The one way to the API server, built from one {@link ClusterConfig}: paged raw reads, the few
 * writes the product makes (a merge patch of a Deployment, a dry-run create of a pod, an access
 * review), and port-forwards. Every request follows the same rules: the kubeconfig's trust and
 * credentials, no redirect followed, the bounded {@link RetryPolicy}, the request timeout, and
 * answers checked for being what was asked for. Nothing here is a fabric8 object.
 */
public final class ClusterGateway implements AutoCloseable {
    /** Page size of LIST calls: memory stays bounded by a page, not by the cluster. */
    public static final int PAGE_SIZE = 500;
    /** Pages beyond what the items seen fill: short pages are allowed, a server paging forever is not. */
    static final int SPARE_PAGES = 5;
    /** More objects of one kind than any cluster holds (Kubernetes' tested limit is 150,000 pods). */
    static final long MAX_ITEMS = 1_000_000;

    private final ClusterConfig config;
    private final HttpTransport http;
    private final Auth auth;
    private final AtomicInteger requests = new AtomicInteger();
    private PortForwarder forwarder;
    private BiConsumer<String, Integer> pageListener = (path, items) -> { };

    private ClusterGateway(ClusterConfig config, boolean terminal) {
        this.config = config;
        this.auth = new Auth(config, terminal, Clock.systemUTC());
        this.http = new HttpTransport(config, auth);
    }

    public static ClusterGateway open(ClusterConfig config) {
        return new ClusterGateway(config, io.injectordoctor.Consoles.interactive());
    }

    static ClusterGateway open(ClusterConfig config, boolean terminal) {
        return new ClusterGateway(config, terminal);
    }

    public ClusterConfig config() {
        return config;
    }

    /** The server as messages name it. */
    public String server() {
        return config.serverText();
    }

    /** Requests sent so far (retries included). */
    public int requestCount() {
        return requests.get();
    }

    /** Told after each LIST page: the path and how many items the list has delivered so far. */
    public ClusterGateway onPage(BiConsumer<String, Integer> listener) {
        this.pageListener = listener;
        return this;
    }

    /** One object; the answer must be an object with a name. */
    public JsonNode get(String path) {
        return send("GET", path, null, null, in -> Answers.object(in, "GET", path));
    }

    public JsonNode get(ResourceKind kind, String namespace, String name) {
        return get(Paths.item(kind, namespace, name));
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

    public List<JsonNode> list(ResourceKind kind, String namespace) {
        return list(Paths.collection(kind, namespace));
    }

    /** Receives the items of a LIST as they arrive; {@code restart()} means drop what was received so far. */
    public interface PageSink {
        void item(JsonNode item);

        void restart();
    }

    /**
     * The first page of a LIST (up to {@link #PAGE_SIZE} items) and no more: one request, for answers
     * that need only a few names (completion, where a pod is).
     */
    public List<JsonNode> firstPage(String path) {
        List<JsonNode> items = new ArrayList<>();
        String sep = path.contains("?") ? "&" : "?";
        Deadline deadline = Deadline.after(config.requestTimeout());
        send("GET", path + sep + "limit=" + PAGE_SIZE, null, null, in -> ListReader.read(in, path, deadline, items::add));
        return items;
    }

    public void listPages(String path, PageSink sink) {
        String cont = null;
        boolean restarted = false;
        Set<String> tokens = new HashSet<>();
        int pages = 0;
        long items = 0;
        int delivered = 0;
        while (true) {
            String sep = path.contains("?") ? "&" : "?";
            String p = path + sep + "limit=" + PAGE_SIZE + (cont == null ? "" : "&continue=" + enc(cont));
            ListReader.Page page;
            try {
                Deadline deadline = Deadline.after(config.requestTimeout());
                page = send("GET", p, null, null, in -> ListReader.read(in, path, deadline, sink::item));
            } catch (ApiException e) {
                if (e.code() == 410 && cont != null && !restarted) {
                    // The continue token expired while paging: start over once, as kubectl does.
                    restarted = true;
                    cont = null;
                    tokens.clear();
                    pages = 0;
                    items = 0;
                    delivered = 0;
                    sink.restart();
                    continue;
                }
                throw e;
            }
            pages++;
            items += page.items();
            delivered += page.items();
            pageListener.accept(path, delivered);
            if (page.continueToken() == null) {
                return;
            }
            checkPaging(path, page.continueToken(), tokens, pages, items);
            cont = page.continueToken();
        }
    }

    private static void checkPaging(String path, String token, Set<String> tokens, int pages, long items) {
        if (!tokens.add(token)) {
            throw ApiException.badAnswer(200, "GET", path, "the API server sent the same continue token again after "
                    + pages + " pages; stopped instead of reading the same pages forever");
        }
        if (pages > items / PAGE_SIZE + SPARE_PAGES) {
            throw ApiException.badAnswer(200, "GET", path, "the API server keeps paging: " + pages + " pages held only "
                    + items + " items; stopped");
        }
        if (items > MAX_ITEMS) {
            throw ApiException.badAnswer(200, "GET", path, "more than " + MAX_ITEMS + " items, more than a cluster"
                    + " holds; stopped");
        }
    }

    /** A JSON merge patch ({@code application/merge-patch+json}) of one object. */
    public JsonNode mergePatch(ResourceKind kind, String namespace, String name, String body, String fieldManager,
            boolean dryRun) {
        String path = Paths.item(kind, namespace, name) + "?fieldManager=" + enc(fieldManager) + (dryRun ? "&dryRun=All" : "");
        return send("PATCH", path, "application/merge-patch+json", body.getBytes(StandardCharsets.UTF_8),
                in -> Answers.object(in, "PATCH", path));
    }

    /** Sends the object through admission as a server-side dry run: nothing is stored. */
    public JsonNode createDryRun(ResourceKind kind, String namespace, JsonNode object) {
        String path = Paths.collection(kind, namespace) + "?dryRun=All";
        return send("POST", path, "application/json", object.toString().getBytes(StandardCharsets.UTF_8),
                in -> Answers.object(in, "POST", path));
    }

    /** The API server's answer to "may I?" (a SelfSubjectAccessReview, which every authenticated user may create). */
    public record Access(boolean allowed, String reason) {
    }

    public Access mayI(String verb, String group, String resource, String namespace, String name) {
        ObjectNode review = JsonTree.NODES.objectNode();
        review.put("apiVersion", "authorization.k8s.io/v1").put("kind", "SelfSubjectAccessReview");
        ObjectNode attrs = review.putObject("spec").putObject("resourceAttributes");
        attrs.put("verb", verb).put("group", group).put("resource", resource);
        if (namespace != null) {
            attrs.put("namespace", namespace);
        }
        if (name != null) {
            attrs.put("name", name);
        }
        String path = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";
        JsonNode answer = send("POST", path, "application/json", review.toString().getBytes(StandardCharsets.UTF_8),
                in -> JsonTree.read(in));
        return new Access(Json.bool(answer, "status", "allowed"), Json.text(answer, "status", "reason"));
    }

    /** A local port forwarded to a pod's port, over the same trust and credentials. */
    public PortForward portForward(String namespace, String pod, int port) {
        synchronized (this) {
            if (forwarder == null) {
                forwarder = new PortForwarder(config, http, auth);
            }
        }
        Paths.item(ResourceKind.POD, namespace, pod);
        return forwarder.forward(namespace, pod, port);
    }

    /** Reads a successful answer's body. */
    interface BodyReader<T> {
        T read(InputStream in) throws IOException;
    }

    private <T> T send(String method, String path, String contentType, byte[] body, BodyReader<T> reader) {
        for (int attempt = 1;; attempt++) {
            requests.incrementAndGet();
            try (HttpTransport.Response r = http.exchange(method, path, contentType, body, config.requestTimeout())) {
                int code = r.code();
                if (code >= 200 && code < 300) {
                    try {
                        return reader.read(r.body());
                    } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
                        throw new ApiException(0, method, path, "the answer ended before it was complete"
                                + " (the connection was lost)", e);
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw ApiException.badAnswer(code, method, path, "the answer is not JSON");
                    }
                }
                if (code >= 300 && code < 400) {
                    String to = r.header("Location");
                    throw ApiException.badAnswer(code, method, path, "the API server redirected " + method + " " + path
                            + " to " + (to == null ? "an unnamed location" : Redact.urls(to)) + "; redirects are not"
                            + " followed, so that no credential goes to another address");
                }
                if (code == 401 && auth.refreshAfterUnauthorized()) {
                    continue;
                }
                if (RetryPolicy.retryable(method, code, attempt)) {
                    sleep(RetryPolicy.wait(r.header("Retry-After"), attempt, java.time.Instant.now()));
                    continue;
                }
                throw Answers.error(code, method, path, r);
            } catch (IOException e) {
                throw new ApiException(0, method, path, Failures.describe(e, config), e);
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (forwarder != null) {
            forwarder.close();
        }
        http.close();
    }
}
