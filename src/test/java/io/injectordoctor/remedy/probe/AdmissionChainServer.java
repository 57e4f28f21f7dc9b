package io.injectordoctor.remedy.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;

/**
 * A KubernetesMockServer in CRUD mode behind a dispatcher that plays the parts of an API server
 * the probe relies on and CRUD mode lacks: SelfSubjectAccessReview answers, and the admission
 * chain for a {@code dryRun=All} pod create (the pod comes back mutated as Istio's injector
 * would, unchanged, or as the API server's 500 Status with a webhook error), never stored.
 * With {@link Chain#API_SERVER} it first does what the API server does with a stored hook whose
 * selector it cannot convert (k8s.io/apiserver webhook/predicates namespace and object matchers:
 * {@code apierrors.NewInternalError} of apimachinery's conversion error, before any webhook is
 * called), for the two conversion errors the fixtures use, in the order of configurations by
 * name; with no such hook it injects.
 */
final class AdmissionChainServer extends Dispatcher implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Chain { INJECT, INJECT_NATIVE, PASS, FAIL, API_SERVER, SLOW, PROXY_PAGE, GARBAGE }

    record Request(String method, String path, String body) {
        boolean podCreate() {
            return method.equals("POST") && path.matches("/api/v1/namespaces/[^/]+/pods(\\?.*)?");
        }

        boolean dryRun() {
            return path.contains("dryRun=All");
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonNode> configurations = Collections.synchronizedList(new ArrayList<>());
    private final KubernetesMockServer server;
    volatile Chain chain = Chain.INJECT;
    volatile String webhookError;
    volatile int webhookErrorCode = 500;
    volatile boolean allowCreatePods = true;

    AdmissionChainServer() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), this, false);
        server.init();
    }

    KubernetesClient client() {
        Config c = new ConfigBuilder(Config.empty()).withMasterUrl(server.url("/")).withNamespace("default")
                .withTrustCerts(true).withRequestRetryBackoffLimit(0).build();
        return new KubernetesClientBuilder().withConfig(c).build();
    }

    String url() {
        return server.url("/");
    }

    /** Forgets what the test's own set-up sent, so that only the code under test is recorded. */
    void startRecording() {
        requests.clear();
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public MockResponse dispatch(RecordedRequest r) {
        String body = r.getBody() == null ? "" : new String(r.getBody().getBytes(), StandardCharsets.UTF_8);
        Request rec = new Request(r.getMethod(), r.getPath(), body);
        requests.add(rec);
        if (rec.method().equals("POST") && rec.path().startsWith("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")) {
            return accessReview(rec);
        }
        if (rec.podCreate() && rec.dryRun()) {
            return admit(rec);
        }
        if (rec.method().equals("POST") && rec.path().startsWith("/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations")) {
            configurations.add(rec.json());
        }
        return crud.dispatch(r);
    }

    private MockResponse accessReview(Request rec) {
        ObjectNode review = (ObjectNode) rec.json();
        JsonNode attrs = review.path("spec").path("resourceAttributes");
        boolean aboutPodCreate = attrs.path("verb").asText().equals("create") && attrs.path("resource").asText().equals("pods");
        ObjectNode status = review.putObject("status");
        status.put("allowed", !aboutPodCreate || allowCreatePods);
        if (aboutPodCreate && !allowCreatePods) {
            status.put("reason", "no RBAC policy matched");
        }
        return new MockResponse().setResponseCode(201).setBody(review.toString());
    }

    private MockResponse admit(Request rec) {
        ObjectNode pod = (ObjectNode) rec.json();
        switch (chain) {
            case FAIL -> {
                // "{name}" stands for the created pod's name, which API server messages quote.
                String message = webhookError.replace("{name}", pod.path("metadata").path("name").asText());
                return status(webhookErrorCode, webhookErrorCode == 500 ? "InternalError" : "Forbidden", message);
            }
            case SLOW -> {
                return new MockResponse().setResponseCode(201).setBody(pod.toString())
                        .setBodyDelay(3, java.util.concurrent.TimeUnit.SECONDS);
            }
            case PROXY_PAGE -> {
                return new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                        .setBody("<html><body>502 Bad Gateway</body></html>");
            }
            case GARBAGE -> {
                return new MockResponse().setResponseCode(201).setBody("ok, created (maybe)");
            }
            case PASS -> {
            }
            case API_SERVER -> {
                String conversionError = firstConversionError();
                if (conversionError != null) {
                    return status(500, "InternalError", "Internal error occurred: " + conversionError);
                }
                inject(pod, false);
            }
            case INJECT, INJECT_NATIVE -> inject(pod, chain == Chain.INJECT_NATIVE);
        }
        ObjectNode meta = (ObjectNode) pod.path("metadata");
        meta.put("uid", "0b5c4f7e-dry-run").put("creationTimestamp", "2026-11-22T10:00:00Z");
        return new MockResponse().setResponseCode(201).setBody(pod.toString());
    }

    /**
     * apimachinery LabelSelectorAsSelector's error for the first pod hook, configurations by name,
     * whose selector has an unknown operator or an In/NotIn without values; null when none has.
     */
    private String firstConversionError() {
        List<JsonNode> byName;
        synchronized (configurations) {
            byName = new ArrayList<>(configurations);
        }
        byName.sort(java.util.Comparator.comparing(c -> c.path("metadata").path("name").asText()));
        for (JsonNode c : byName) {
            for (JsonNode hook : c.path("webhooks")) {
                if (!hook.path("rules").toString().contains("pods")) {
                    continue;
                }
                for (String field : List.of("namespaceSelector", "objectSelector")) {
                    for (JsonNode e : hook.path(field).path("matchExpressions")) {
                        String op = e.path("operator").asText();
                        if (!List.of("In", "NotIn", "Exists", "DoesNotExist").contains(op)) {
                            return "\"" + op + "\" is not a valid label selector operator";
                        }
                        if ((op.equals("In") || op.equals("NotIn")) && e.path("values").size() == 0) {
                            return "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty";
                        }
                    }
                }
            }
        }
        return null;
    }

    /** What Istio's injector adds, in the shape it adds it. */
    private static void inject(ObjectNode pod, boolean nativeSidecar) {
        ObjectNode spec = (ObjectNode) pod.path("spec");
        ArrayNode inits = spec.has("initContainers") ? (ArrayNode) spec.get("initContainers") : spec.putArray("initContainers");
        ArrayNode containers = (ArrayNode) spec.get("containers");
        inits.addObject().put("name", "istio-init").put("image", "docker.io/istio/proxyv2:1.24.2");
        ObjectNode proxy = (nativeSidecar ? inits : containers).addObject().put("name", "istio-proxy")
                .put("image", "docker.io/istio/proxyv2:1.24.2");
        if (nativeSidecar) {
            proxy.put("restartPolicy", "Always");
        }
        ArrayNode volumes = spec.has("volumes") ? (ArrayNode) spec.get("volumes") : spec.putArray("volumes");
        volumes.addObject().put("name", "istio-envoy").putObject("emptyDir").put("medium", "Memory");
        volumes.addObject().put("name", "istiod-ca-cert").putObject("configMap").put("name", "istio-ca-root-cert");
        ObjectNode meta = (ObjectNode) pod.path("metadata");
        ObjectNode annotations = meta.has("annotations") ? (ObjectNode) meta.get("annotations") : meta.putObject("annotations");
        annotations.put(ProbePods.STATUS_ANNOTATION, "{\"initContainers\":[\"istio-init\"],\"containers\":["
                + (nativeSidecar ? "" : "\"istio-proxy\"") + "],\"volumes\":[\"istio-envoy\",\"istiod-ca-cert\"],"
                + "\"imagePullSecrets\":null,\"revision\":\"default\"}");
    }

    private static MockResponse status(int code, String reason, String message) {
        ObjectNode s = JSON.createObjectNode();
        s.put("apiVersion", "v1").put("kind", "Status").putObject("metadata");
        s.put("status", "Failure").put("message", message).put("reason", reason).put("code", code);
        return new MockResponse().setResponseCode(code).setBody(s.toString());
    }

    @Override
    public void close() {
        server.destroy();
    }
}
