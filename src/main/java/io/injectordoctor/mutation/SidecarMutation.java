package io.injectordoctor.mutation;

import io.injectordoctor.mesh.IstioLayout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Adds the sidecar to a pod or pod template, the way Istio's {@code sidecar} template does:
 * istio-init (istio-validation with CNI), istio-proxy as a native sidecar or a regular container,
 * the volumes, the status, revision and Prometheus annotations and the canonical service labels.
 * Pure: the input is never modified. Whatever an earlier injection recorded in
 * {@code sidecar.istio.io/status} is taken out first, so injecting twice gives the same object.
 */
public final class SidecarMutation {
    public static final String REV_ANNOTATION = IstioLayout.REV;
    static final String NATIVE_ANNOTATION = "sidecar.istio.io/nativeSidecar";
    static final String PROXY_IMAGE_ANNOTATION = "sidecar.istio.io/proxyImage";
    private static final String PROM = "prometheus.io/";

    private SidecarMutation() {
    }

    /**
     * Returns an injected copy of {@code object}.
     *
     * @param namespace the namespace the pod lives in when the object does not say (may be null)
     * @throws IllegalArgumentException when the object has no pod spec ({@link PodTemplates#find})
     */
    public static ObjectNode inject(ObjectNode object, InjectionSettings settings, String namespace) {
        ObjectNode copy = object.deepCopy();
        PodTemplates.PodTarget t = PodTemplates.find(copy).orElseThrow(() -> new IllegalArgumentException(
                PodTemplates.describe(object) + " has no pod spec"));
        strip(t);
        apply(t, settings, resolveNamespace(copy, namespace));
        return copy;
    }

    static String resolveNamespace(JsonNode object, String fallback) {
        String own = object.path("metadata").path("namespace").asText("");
        return own.isEmpty() ? fallback : own;
    }

    /** Removes what the previous injection listed, like Istio's {@code stripPod}. */
    static void strip(PodTemplates.PodTarget t) {
        InjectionStatus prev = InjectionStatus.read(t.metadata()).orElse(null);
        if (prev == null) {
            return;
        }
        removeNamed(t.spec(), "initContainers", prev.initContainers());
        removeNamed(t.spec(), "containers", prev.containers());
        removeNamed(t.spec(), "volumes", prev.volumes());
        removeNamed(t.spec(), "imagePullSecrets", prev.imagePullSecrets());
        ObjectNode ann = Nodes.child(t.metadata(), "annotations");
        // Prometheus annotations are the injector's own only when they point at the agent's port
        if (ann.path(PROM + "port").asText().equals(SidecarContainers.STATUS_PORT)) {
            ann.remove(List.of(PROM + "scrape", PROM + "port", PROM + "path"));
        }
        ann.remove(InjectionStatus.ANNOTATION);
    }

    private static void apply(PodTemplates.PodTarget t, InjectionSettings s, String namespace) {
        ObjectNode meta = t.metadata();
        ObjectNode spec = t.spec();
        ObjectNode ann = Nodes.child(meta, "annotations");
        boolean nativeSidecar = switch (ann.path(NATIVE_ANNOTATION).asText("")) {
            case "true" -> true;
            case "false" -> false;
            default -> s.nativeSidecar();
        };
        String image = s.image(ann.path(PROXY_IMAGE_ANNOTATION).asText(null));
        WorkloadIdentity id = WorkloadIdentity.of(t, namespace);

        List<ObjectNode> inits = new ArrayList<>();
        inits.add(s.cni() ? SidecarContainers.validation(image) : SidecarContainers.init(image));
        ObjectNode proxy = SidecarContainers.proxy(image, nativeSidecar, spec, id, s);
        if (nativeSidecar) {
            inits.add(proxy);
        }
        List<String> ours = new ArrayList<>(names(inits));
        ours.add(SidecarContainers.PROXY);
        // a container of ours that the pod already has without a status record is replaced, not merged
        removeNamed(spec, "initContainers", ours);
        removeNamed(spec, "containers", ours);

        String defaultContainer = firstName(spec.path("containers"));
        ArrayNode initArray = Nodes.array(spec, "initContainers");
        for (int i = 0; i < inits.size(); i++) {
            initArray.insert(i, inits.get(i));
        }
        List<String> addedContainers = List.of();
        if (!nativeSidecar) {
            Nodes.array(spec, "containers").add(proxy);
            addedContainers = List.of(SidecarContainers.PROXY);
        }
        List<ObjectNode> volumes = SidecarVolumes.all();
        removeNamed(spec, "volumes", names(volumes));
        Nodes.array(spec, "volumes").addAll(volumes);

        ann.put(REV_ANNOTATION, s.revisionOrDefault());
        if (defaultContainer != null) {
            putIfAbsent(ann, "kubectl.kubernetes.io/default-container", defaultContainer);
            putIfAbsent(ann, "kubectl.kubernetes.io/default-logs-container", defaultContainer);
        }
        if (!ann.has(PROM + "scrape")) {
            ann.put(PROM + "path", "/stats/prometheus");
            ann.put(PROM + "port", SidecarContainers.STATUS_PORT);
            ann.put(PROM + "scrape", "true");
        }
        ann.put(InjectionStatus.ANNOTATION, new InjectionStatus(names(inits), addedContainers, names(volumes),
                List.of(), s.revisionOrDefault()).toJson());

        ObjectNode labels = Nodes.child(meta, "labels");
        labels.put("security.istio.io/tlsMode", "istio");
        putIfAbsent(labels, "service.istio.io/canonical-name", id.canonicalName());
        putIfAbsent(labels, "service.istio.io/canonical-revision", id.canonicalRevision());
    }

    private static void putIfAbsent(ObjectNode o, String key, String value) {
        if (!o.has(key)) {
            o.put(key, value);
        }
    }

    private static String firstName(JsonNode containers) {
        for (JsonNode c : containers) {
            if (c.path("name").isTextual()) {
                return c.path("name").asText();
            }
        }
        return null;
    }

    private static List<String> names(List<ObjectNode> nodes) {
        return nodes.stream().map(n -> n.path("name").asText()).toList();
    }

    private static void removeNamed(ObjectNode spec, String field, Collection<String> names) {
        JsonNode list = spec.get(field);
        if (!(list instanceof ArrayNode a) || names.isEmpty()) {
            return;
        }
        for (int i = a.size() - 1; i >= 0; i--) {
            if (names.contains(a.get(i).path("name").asText())) {
                a.remove(i);
            }
        }
    }
}
