package io.injectordoctor.testing;

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
                    caBundle: ""
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
                    policy: %s
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
                        image: %s
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: istio-system}
                """.formatted(policy, image);
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
