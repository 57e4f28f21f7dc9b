package io.injectordoctor.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An API server kubectl can talk to, for running the kubectl lines the tool prints: the mock
 * server's CRUD store, the demo's discovery documents, {@code /version}, pod logs, and dry runs
 * ({@code --dry-run=server}) that change nothing and answer as the API server would: a patch or a
 * delete with the object as stored (404 when there is none), a create with the object sent.
 */
public final class KubectlTestServer implements AutoCloseable {
    public static final String CONTEXT = "kubectl-test";
    private static final String JSON = "application/json";

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final String kubeconfig;

    public KubectlTestServer() {
        Dispatcher dispatcher = new Dispatcher();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.start(InetAddress.getLoopbackAddress(), 0);
        String url = "http://127.0.0.1:" + server.getPort();
        dispatcher.discovery = new ApiDiscovery(dispatcher.json, "127.0.0.1:" + server.getPort());
        client = new KubernetesClientBuilder()
                .withConfig(new io.fabric8.kubernetes.client.ConfigBuilder().withMasterUrl(url).build()).build();
        kubeconfig = Kubeconfig.render(CONTEXT, url, "default");
    }

    /** The kubeconfig text (context {@value #CONTEXT}, namespace default) that kubectl and the tool accept. */
    public String kubeconfig() {
        return kubeconfig;
    }

    public void writeKubeconfig(Path file) {
        Kubeconfig.write(file, kubeconfig);
    }

    /** Creates the objects of a scenario of the demo; those that exist already are kept. */
    public void seed(Scenario scenario) {
        seed(DemoSeed.objects(scenario, SeedValues.issue(scenario, Instant.now())));
    }

    /**
     * Creates the objects of a (multi-document) YAML text, {@code kind: List} flattened; those that
     * exist already and those the store refuses are left out.
     */
    public void seed(String yaml) {
        List<ObjectNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            while (docs.hasNext()) {
                flatten(docs.next(), objects);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        seed(objects);
    }

    private static void flatten(JsonNode doc, List<ObjectNode> out) {
        if (doc instanceof ObjectNode o && o.path("kind").asText().endsWith("List") && o.has("items")) {
            o.get("items").forEach(i -> flatten(i, out));
        } else if (doc instanceof ObjectNode o && o.hasNonNull("kind") && o.hasNonNull("apiVersion")) {
            out.add(o);
        }
    }

    private void seed(List<ObjectNode> objects) {
        for (ObjectNode o : objects) {
            ObjectNode copy = o.deepCopy();
            if (copy.path("metadata") instanceof ObjectNode meta) {
                meta.remove("resourceVersion");
            }
            try {
                client.raw(DemoSeed.collectionPath(copy), "POST", copy);
            } catch (RuntimeException e) {
                // a kind the discovery does not serve, or an object a fixture shares with another: kept as it is
            }
        }
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }

    private static final class Dispatcher extends KubernetesCrudDispatcher {
        private final ObjectMapper json = new ObjectMapper();
        private volatile ApiDiscovery discovery;

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getPath();
            int query = path.indexOf('?');
            String bare = query < 0 ? path : path.substring(0, query);
            String method = request.getMethod();
            if ("GET".equals(method) && bare.equals("/version")) {
                return respond(HttpURLConnection.HTTP_OK, "{\"major\":\"1\",\"minor\":\"32\",\"gitVersion\":\"v1.32.0\","
                        + "\"platform\":\"linux/amd64\"}");
            }
            if ("GET".equals(method) && ApiDiscovery.isDiscoveryRoot(bare)) {
                return discovery.document(bare).map(d -> respond(HttpURLConnection.HTTP_OK, d.toString()))
                        .orElseGet(() -> respond(HttpURLConnection.HTTP_NOT_FOUND, notFound()));
            }
            if ("GET".equals(method) && bare.matches("/api/v1/namespaces/[^/]+/pods/[^/]+/log")) {
                MockResponse pod = handleGet(bare.substring(0, bare.length() - "/log".length()));
                return pod.code() == HttpURLConnection.HTTP_OK
                        ? new MockResponse().setResponseCode(HttpURLConnection.HTTP_OK)
                                .setHeader("Content-Type", "text/plain").setBody("")
                        : pod;
            }
            boolean dryRun = path.contains("dryRun=All")
                    || ("DELETE".equals(method) && request.getUtf8Body().contains("\"dryRun\""));
            if (dryRun) {
                return switch (method) {
                    case "PATCH", "DELETE" -> handleGet(bare);
                    case "POST" -> respond(HttpURLConnection.HTTP_CREATED, request.getUtf8Body());
                    default -> respond(HttpURLConnection.HTTP_BAD_REQUEST, "{\"kind\":\"Status\",\"code\":400}");
                };
            }
            return typed(super.dispatch(request), method, bare);
        }

        /**
         * kubectl decodes a body without a content type as protobuf, and a pod list of kind List
         * makes {@code kubectl logs -l} fail: the store's answers get what a real API server sends.
         */
        private MockResponse typed(MockResponse response, String method, String bare) {
            response.setHeader("Content-Type", JSON);
            if (!"GET".equals(method) || response.code() != HttpURLConnection.HTTP_OK) {
                return response;
            }
            String kind = listKind(bare);
            if (kind == null) {
                return response;
            }
            try {
                JsonNode body = json.readTree(response.getBody().getBytes());
                if (body instanceof ObjectNode o && "List".equals(o.path("kind").asText())) {
                    o.put("kind", kind);
                    return respond(HttpURLConnection.HTTP_OK, json.writeValueAsString(o));
                }
            } catch (IOException e) {
                return response;
            }
            return response;
        }

        /** The list kind of a collection path ({@code PodList} for .../pods), or null for anything else. */
        private static String listKind(String bare) {
            for (ApiDiscovery.GroupVersion gv : ApiDiscovery.SERVED) {
                for (ApiDiscovery.Resource r : gv.resources()) {
                    if (bare.matches(Pattern.quote(gv.path()) + "(/namespaces/[^/]+)?/" + r.plural())) {
                        return r.kind() + "List";
                    }
                }
            }
            return null;
        }

        private static String notFound() {
            return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}";
        }

        private static MockResponse respond(int code, String body) {
            return new MockResponse().setResponseCode(code).setHeader("Content-Type", JSON).setBody(body);
        }
    }
}
