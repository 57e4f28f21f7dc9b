package io.injectordoctor.cluster;

import io.injectordoctor.mesh.IstioLayout;
import com.fasterxml.jackson.databind.JsonNode;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.model.PodInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads what a command needs from a live API server with a fixed number of LIST calls (paged),
 * never one request per pod. A refused read (403) is recorded in the snapshot so that the command
 * can degrade or stop with the missing permission named; when the request allows partial results, so
 * is a kind the API server failed to give (5xx after the gateway's retries). 401, an unreachable
 * server and an answer that is not what was asked for stop at once.
 */
public final class LiveLoader {

    private final ClusterGateway api;
    private final String istioNamespace;
    private final Consumer<JsonNode> tap;
    private boolean partialResults;

    public LiveLoader(ClusterGateway api, String istioNamespace) {
        this(api, istioNamespace, o -> { });
    }

    /**
     * @param tap receives every object read, as the API server sent it; used to capture a snapshot
     *     while loading ({@link Capture#add} strips what must not leave the cluster)
     */
    public LiveLoader(ClusterGateway api, String istioNamespace, Consumer<JsonNode> tap) {
        this.api = api;
        this.istioNamespace = istioNamespace;
        this.tap = tap;
    }

    public ClusterSnapshot load(LoadRequest req, String source) {
        partialResults = req.partialResults();
        ClusterSnapshot.Builder b = ClusterSnapshot.builder().source(source).istioNamespace(istioNamespace);
        SnapshotAssembler sink = new SnapshotAssembler(b);
        String ns = req.namespace();
        if (req.wants(ResourceKind.NAMESPACE)) {
            if (ns != null) {
                getOne(ResourceKind.NAMESPACE, null, ns, sink, b, "namespace " + ns);
            } else {
                listInto(ResourceKind.NAMESPACE, null, LiveLoader::all, b);
            }
        }
        boolean cpOnly = req.controlPlane();
        if (req.wants(ResourceKind.POD) && !cpOnly) {
            if (req.podName() != null) {
                getOne(ResourceKind.POD, ns, req.podName(), sink, b, "pod " + ns + "/" + req.podName());
            } else {
                listInto(ResourceKind.POD, ns, LiveLoader::all, b);
            }
        }
        for (ResourceKind k : List.of(ResourceKind.DEPLOYMENT, ResourceKind.STATEFULSET, ResourceKind.DAEMONSET,
                ResourceKind.REPLICASET, ResourceKind.JOB)) {
            if (req.wants(k) && !cpOnly) {
                listInto(k, ns, LiveLoader::all, b);
            }
        }
        if (req.wants(ResourceKind.NODE) && !cpOnly) {
            // Cluster-scoped and optional: a refusal is recorded, and native-sidecar support is said unknown.
            listInto(ResourceKind.NODE, null, LiveLoader::all, b);
        }
        if (req.wants(ResourceKind.EVENT) && !cpOnly) {
            listInto(ResourceKind.EVENT, ns, o -> "Warning".equals(Json.text(o, "type")), b);
        }
        Set<String> controlPlane = new LinkedHashSet<>();
        controlPlane.add(istioNamespace);
        if (req.wants(ResourceKind.MUTATING_WEBHOOK_CONFIGURATION)) {
            listWebhookConfigurations(sink, b, controlPlane);
            // The decision needs each revision's injector version: the control plane's deployments.
            boolean covered = !cpOnly && ns == null && req.wants(ResourceKind.DEPLOYMENT);
            for (String cp : controlPlane) {
                if (!covered && !(cp.equals(ns) && req.wants(ResourceKind.DEPLOYMENT))) {
                    listInto(ResourceKind.DEPLOYMENT, cp, LiveLoader::all, b);
                }
            }
        }
        // The injector's own pods, when the subject's scope does not already hold them.
        if (req.wants(ResourceKind.POD) && (ns != null || req.podName() != null)) {
            for (String cp : controlPlane) {
                if (!cp.equals(ns)) {
                    listInto(ResourceKind.POD, cp, LiveLoader::all, b);
                } else if (req.podName() != null) {
                    // The subject pod was read by name already.
                    listInto(ResourceKind.POD, cp, o -> !req.podName().equals(Json.text(o, "metadata", "name")), b);
                }
            }
        }
        for (String cp : controlPlane) {
            if (cpOnly && req.wants(ResourceKind.POD)) {
                listInto(ResourceKind.POD, cp, LiveLoader::all, b);
            }
            for (ResourceKind k : List.of(ResourceKind.CONFIGMAP, ResourceKind.SERVICE, ResourceKind.ENDPOINTS,
                    ResourceKind.ENDPOINTSLICE)) {
                if (req.wants(k)) {
                    listInto(k, cp, LiveLoader::all, b);
                }
            }
            if (req.wants(ResourceKind.SECRET)) {
                for (String name : IstioLayout.rootSecrets()) {
                    getOptional(ResourceKind.SECRET, cp, name, sink, b);
                }
            }
        }
        return b.build();
    }

    private void listWebhookConfigurations(SnapshotAssembler sink, ClusterSnapshot.Builder b, Set<String> cpNamespaces) {
        Consumer<JsonNode> collect = o -> {
            add(sink, withKind(o, ResourceKind.MUTATING_WEBHOOK_CONFIGURATION));
            for (JsonNode h : Json.items(o, "webhooks")) {
                String svcNs = Json.text(h, "clientConfig", "service", "namespace");
                String name = Json.text(h, "name");
                if (svcNs != null && IstioLayout.isInjectionHook(name)) {
                    cpNamespaces.add(svcNs);
                }
            }
        };
        try {
            api.list(Paths.collection(ResourceKind.MUTATING_WEBHOOK_CONFIGURATION, null)).forEach(collect);
            b.loaded(ResourceKind.MUTATING_WEBHOOK_CONFIGURATION);
        } catch (ApiException e) {
            if (e.code() != 404) {
                record(e, ResourceKind.MUTATING_WEBHOOK_CONFIGURATION, "list", null, b);
                return;
            }
            // Clusters older than 1.16 serve only v1beta1.
            try {
                api.list("/apis/admissionregistration.k8s.io/v1beta1/mutatingwebhookconfigurations").forEach(collect);
                b.loaded(ResourceKind.MUTATING_WEBHOOK_CONFIGURATION);
            } catch (ApiException e2) {
                record(e2, ResourceKind.MUTATING_WEBHOOK_CONFIGURATION, "list", null, b);
            }
        }
    }

    /**
     * Converts each page's items as they arrive, so memory is bounded by the converted objects and
     * one page; a restarted list (expired continue token) starts this kind over.
     */
    private void listInto(ResourceKind kind, String namespace, java.util.function.Predicate<JsonNode> accept,
            ClusterSnapshot.Builder b) {
        ClusterSnapshot.Builder[] part = {ClusterSnapshot.builder()};
        SnapshotAssembler[] sink = {new SnapshotAssembler(part[0])};
        try {
            api.listPages(Paths.collection(kind, namespace), new ClusterGateway.PageSink() {
                @Override
                public void item(JsonNode o) {
                    JsonNode typed = withKind(o, kind);
                    if (accept.test(typed)) {
                        add(sink[0], typed);
                    }
                }

                @Override
                public void restart() {
                    part[0] = ClusterSnapshot.builder();
                    sink[0] = new SnapshotAssembler(part[0]);
                }
            });
            b.addAll(part[0].build());
            b.loaded(kind);
        } catch (ApiException e) {
            record(e, kind, "list", namespace, b);
        }
    }


    /**
     * The pods of a namespace (null: all), converted and handed on as each page arrives; nothing is
     * kept. When an expired continue token restarts the list, the pods already handed on are
     * skipped by name: the API server lists in key order (namespace, then name).
     */
    public void streamPods(String namespace, Consumer<PodInfo> each) {
        String[] last = {null};
        boolean[] skipping = {false};
        try {
            api.listPages(Paths.collection(ResourceKind.POD, namespace), new ClusterGateway.PageSink() {
                @Override
                public void item(JsonNode o) {
                    String key = Json.text(o, "metadata", "namespace") + "/" + Json.text(o, "metadata", "name");
                    if (skipping[0]) {
                        if (key.compareTo(last[0]) <= 0) {
                            return;
                        }
                        skipping[0] = false;
                    }
                    last[0] = key;
                    PodInfo pod = ObjectConverter.pod(withKind(o, ResourceKind.POD));
                    tap.accept(o);
                    each.accept(pod);
                }

                @Override
                public void restart() {
                    skipping[0] = last[0] != null;
                }
            });
        } catch (ApiException e) {
            if (e.code() == 403) {
                throw new DoctorException(ExitCode.NOPERM, Permissions.forbidden("list", ResourceKind.POD, namespace));
            }
            throw Permissions.failure(e, api.server(), "list", ResourceKind.POD, namespace);
        }
    }

    private void getOne(ResourceKind kind, String namespace, String name, SnapshotAssembler sink,
            ClusterSnapshot.Builder b, String what) {
        try {
            add(sink, withKind(api.get(Paths.item(kind, namespace, name)), kind));
            b.loaded(kind);
        } catch (ApiException e) {
            if (e.code() == 404) {
                throw new DoctorException(ExitCode.USAGE, what + " not found");
            }
            record(e, kind, "get", namespace, b);
        }
    }

    private void getOptional(ResourceKind kind, String namespace, String name, SnapshotAssembler sink,
            ClusterSnapshot.Builder b) {
        try {
            add(sink, withKind(api.get(Paths.item(kind, namespace, name)), kind));
            b.loaded(kind);
        } catch (ApiException e) {
            if (e.code() == 404) {
                b.loaded(kind);
                return;
            }
            record(e, kind, "get", namespace, b);
        }
    }

    private void add(SnapshotAssembler sink, JsonNode o) {
        sink.add(o);
        tap.accept(o);
    }

    /** Items of a LIST carry no kind; the converter needs it. */
    private static JsonNode withKind(JsonNode o, ResourceKind kind) {
        if (o.isObject() && !o.has("kind")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) o).put("kind", Paths.kindName(kind));
        }
        return o;
    }

    private void record(ApiException e, ResourceKind kind, String verb, String namespace, ClusterSnapshot.Builder b) {
        if (e.code() == 403) {
            b.unreadable(kind, Permissions.forbidden(verb, kind, namespace));
            return;
        }
        if (partialResults && Permissions.serverFailure(e)) {
            b.failed(kind, Permissions.failedRead(e, verb, kind, namespace));
            return;
        }
        throw Permissions.failure(e, api.server(), verb, kind, namespace);
    }

    private static boolean all(JsonNode object) {
        return true;
    }
}
