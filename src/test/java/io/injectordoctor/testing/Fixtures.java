package io.injectordoctor.testing;

import io.injectordoctor.checks.TestMeshRoot;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.SnapshotAssembler;
import io.injectordoctor.cluster.SnapshotFile;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Cluster objects as YAML text, written for these tests; the same text feeds the live and file paths. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The seed runbook's layout: one MWC, one hook, opt-in selector, standalone injector. */
    public static String legacyInjector(String policy, String image) {
        return """
                apiVersion: admissionregistration.k8s.io/v1
                kind: MutatingWebhookConfiguration
                metadata:
                  name: istio-sidecar-injector
                  labels: {app: sidecar-injector}
                webhooks:
                - name: sidecar-injector.istio.io
                  admissionReviewVersions: [v1]
                  sideEffects: None
                  failurePolicy: Fail
                  clientConfig:
                    service: {name: istio-sidecar-injector, namespace: istio-system, path: /inject}
                    caBundle: %3$s
                  rules:
                  - operations: [CREATE]
                    apiGroups: [""]
                    apiVersions: [v1]
                    resources: [pods]
                  namespaceSelector:
                    matchLabels:
                      istio-injection: enabled
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: istio-sidecar-injector, namespace: istio-system}
                data:
                  config: |
                    policy: %1$s
                    template: |-
                      containers: []
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: istio-sidecar-injector, namespace: istio-system}
                spec:
                  replicas: 1
                  selector: {matchLabels: {istio: sidecar-injector}}
                  template:
                    metadata: {labels: {istio: sidecar-injector}}
                    spec:
                      containers:
                      - name: sidecar-injector-webhook
                        image: %2$s
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: istio-system}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: istio.istio-sidecar-injector-service-account, namespace: istio-system}
                data:
                  root-cert.pem: %3$s
                ---
                """.formatted(policy, image, TestMeshRoot.caBundle(TestMeshRoot.ROOT))
                + running("istio-sidecar-injector", "istio: sidecar-injector", 9443, "istio-sidecar-injector-5d8f7c9b6-q2w3e", image);
    }

    /**
     * Today's layout (Istio 1.10+ chart): MWC istio-sidecar-injector[-REV] with the rev.* hooks, plus
     * namespace./object. for the default revision; its ConfigMap and istiod deployment.
     */
    public static String modernInstall(String revision, String policy, String image) {
        return modernInstall(revision, policy, image, true);
    }

    /**
     * The same install as its objects are stored, without what makes it run: no caBundle on the
     * hooks, no Service, pod, Endpoints or mesh root; for tests that bring their own.
     */
    public static String modernConfiguration(String revision, String policy, String image) {
        return modernInstall(revision, policy, image, false);
    }

    private static String modernInstall(String revision, String policy, String image, boolean running) {
        boolean def = revision == null || revision.equals("default");
        String caBundle = running ? TestMeshRoot.caBundle(TestMeshRoot.ROOT) : null;
        String rev = def ? "default" : revision;
        String suffix = def ? "" : "-" + revision;
        StringBuilder hooks = new StringBuilder();
        hooks.append(hook(caBundle, "rev.namespace.sidecar-injector.istio.io", "istiod" + suffix,
                expr("istio.io/rev", "In", rev) + expr("istio-injection", "DoesNotExist"),
                expr("sidecar.istio.io/inject", "NotIn", "false")));
        hooks.append(hook(caBundle, "rev.object.sidecar-injector.istio.io", "istiod" + suffix,
                expr("istio.io/rev", "DoesNotExist") + expr("istio-injection", "DoesNotExist"),
                expr("sidecar.istio.io/inject", "NotIn", "false") + expr("istio.io/rev", "In", rev)));
        if (def) {
            hooks.append(hook(caBundle, "namespace.sidecar-injector.istio.io", "istiod",
                    expr("istio-injection", "In", "enabled"), expr("sidecar.istio.io/inject", "NotIn", "false")));
            hooks.append(hook(caBundle, "object.sidecar-injector.istio.io", "istiod",
                    expr("istio-injection", "DoesNotExist") + expr("istio.io/rev", "DoesNotExist"),
                    expr("sidecar.istio.io/inject", "In", "true") + expr("istio.io/rev", "DoesNotExist")));
        }
        return """
                apiVersion: admissionregistration.k8s.io/v1
                kind: MutatingWebhookConfiguration
                metadata:
                  name: istio-sidecar-injector%1$s
                  labels: {istio.io/rev: %2$s, app: sidecar-injector}
                webhooks:
                %3$s---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: istio-sidecar-injector%1$s, namespace: istio-system}
                data:
                  config: |
                    policy: %4$s
                    alwaysInjectSelector: []
                    neverInjectSelector: []
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: istiod%1$s, namespace: istio-system}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: istiod, istio.io/rev: %2$s}}
                  template:
                    metadata: {labels: {app: istiod, istio.io/rev: %2$s}}
                    spec:
                      containers:
                      - name: discovery
                        image: %5$s
                ---
                """.formatted(suffix, rev, hooks, policy, image)
                + (!running ? "" : running("istiod" + suffix, "app: istiod, istio.io/rev: " + rev + ", sidecar.istio.io/inject: \"false\"", 15017, "istiod" + suffix + "-6f7c9b8d4-q2w3e", image)
                + (def ? rootConfigMap() : ""));
    }

    /** The injector at work: its Service (443 to the target port), a ready pod behind it, and its Endpoints. */
    static String running(String service, String podLabels, int targetPort, String pod, String image) {
        return """
                apiVersion: v1
                kind: Service
                metadata: {name: %1$s, namespace: istio-system}
                spec:
                  selector: {%2$s}
                  ports:
                  - {name: https-webhook, port: 443, targetPort: %3$d}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %4$s
                  namespace: istio-system
                  labels: {%2$s}
                spec:
                  containers:
                  - {name: discovery, image: "%5$s"}
                status:
                  phase: Running
                  conditions:
                  - {type: Ready, status: "True"}
                ---
                apiVersion: v1
                kind: Endpoints
                metadata: {name: %1$s, namespace: istio-system}
                subsets:
                - addresses:
                  - ip: 10.0.0.10
                    targetRef: {kind: Pod, name: %4$s}
                  ports:
                  - {name: https-webhook, port: %3$d, protocol: TCP}
                ---
                """.formatted(service, podLabels, targetPort, pod, image);
    }

    /** The mesh root as istiod publishes it; the hooks' caBundle holds the same certificate. */
    static String rootConfigMap() {
        String pem = TestMeshRoot.ROOT.certificatePem().replace("\r", "").replace("\n", "\\n");
        return """
                apiVersion: v1
                kind: Namespace
                metadata: {name: istio-system}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: istio-ca-root-cert, namespace: istio-system}
                data:
                  root-cert.pem: "%s"
                ---
                """.formatted(pem);
    }

    /** A revision tag pointing at {@code revision} (what 'istioctl tag set TAG --revision REV' renders). */
    public static String revisionTag(String tag, String revision) {
        String svc = revision.equals("default") ? "istiod" : "istiod-" + revision;
        return """
                apiVersion: admissionregistration.k8s.io/v1
                kind: MutatingWebhookConfiguration
                metadata:
                  name: istio-revision-tag-%1$s
                  labels: {istio.io/rev: %2$s, istio.io/tag: %1$s}
                webhooks:
                %3$s""".formatted(tag, revision,
                hook("rev.namespace.sidecar-injector.istio.io", svc,
                        expr("istio.io/rev", "In", tag) + expr("istio-injection", "DoesNotExist"),
                        expr("sidecar.istio.io/inject", "NotIn", "false"))
                + hook("rev.object.sidecar-injector.istio.io", svc,
                        expr("istio.io/rev", "DoesNotExist") + expr("istio-injection", "DoesNotExist"),
                        expr("sidecar.istio.io/inject", "NotIn", "false") + expr("istio.io/rev", "In", tag))
                + (tag.equals("default") ? hook("namespace.sidecar-injector.istio.io", svc,
                        expr("istio-injection", "In", "enabled"), expr("sidecar.istio.io/inject", "NotIn", "false")) : ""));
    }

    static String hook(String name, String service, String nsExprs, String objExprs) {
        return hook(null, name, service, nsExprs, objExprs);
    }

    static String hook(String caBundle, String name, String service, String nsExprs, String objExprs) {
        return """
                - name: %s
                  admissionReviewVersions: [v1]
                  sideEffects: None
                  failurePolicy: Fail
                  clientConfig:
                    service: {name: %s, namespace: istio-system, path: /inject, port: 443}
                %s  rules:
                  - {operations: [CREATE], apiGroups: [""], apiVersions: [v1], resources: [pods]}
                  namespaceSelector:
                    matchExpressions:
                %s  objectSelector:
                    matchExpressions:
                %s""".formatted(name, service, caBundle == null ? "" : "    caBundle: " + caBundle + "\n", nsExprs, objExprs);
    }

    static String expr(String key, String op, String... values) {
        StringBuilder sb = new StringBuilder("    - key: " + key + "\n      operator: " + op + "\n");
        if (values.length > 0) {
            sb.append("      values: [");
            for (int i = 0; i < values.length; i++) {
                sb.append(i == 0 ? "" : ", ").append('"').append(values[i]).append('"');
            }
            sb.append("]\n");
        }
        return sb.toString();
    }

    public static String namespace(String name, String... labels) {
        StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + name + "\n");
        if (labels.length > 0) {
            sb.append("  labels:\n");
            for (int i = 0; i + 1 < labels.length; i += 2) {
                sb.append("    ").append(labels[i]).append(": \"").append(labels[i + 1]).append("\"\n");
            }
        }
        return sb.toString();
    }

    /** A pod; {@code annotation} null means no sidecar.istio.io/inject annotation. */
    public static String pod(String namespace, String name, String annotation, boolean hostNetwork, boolean proxy) {
        StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name + "\n  namespace: "
                + namespace + "\n  labels: {app: " + name + "}\n");
        if (annotation != null) {
            sb.append("  annotations:\n    sidecar.istio.io/inject: \"").append(annotation).append("\"\n");
        }
        sb.append("spec:\n");
        if (hostNetwork) {
            sb.append("  hostNetwork: true\n");
        }
        sb.append("  containers:\n  - name: app\n    image: nginx\n");
        if (proxy) {
            sb.append("  - name: istio-proxy\n    image: docker.io/istio/proxyv2:1.4.10\n");
        }
        return sb.toString();
    }

    public static String join(String... docs) {
        return String.join("---\n", docs);
    }

    public static Path writeTemp(String yaml) {
        try {
            Path p = Files.createTempFile("injector-doctor-snapshot", ".yaml");
            Files.writeString(p, yaml);
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A snapshot straight from YAML text, through the same converter the loaders use. */
    public static ClusterSnapshot snapshot(String yaml) {
        try {
            ClusterSnapshot.Builder b = ClusterSnapshot.builder();
            SnapshotAssembler a = new SnapshotAssembler(b);
            SnapshotFile.parse(new StringReader(yaml), "fixture").forEach(a::add);
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
