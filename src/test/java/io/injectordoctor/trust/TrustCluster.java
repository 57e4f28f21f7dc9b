package io.injectordoctor.trust;

import io.injectordoctor.certs.Pki;
import io.injectordoctor.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A cluster for the trust tests: today's layout with a caBundle that matches the mesh root, an
 * injector Service with ready endpoints, an opt-in namespace with pods, and the three root-secret
 * layouts, each of which also holds private keys, a token and a last-applied annotation with a key.
 */
final class TrustCluster {
    static final String IMAGE = "docker.io/istio/pilot:1.27.1";

    final Pki.Issued root = Pki.root("mesh-root", Instant.now().minus(Duration.ofDays(1)),
            Instant.now().plus(Duration.ofDays(365)));
    final Pki.Issued serving = Pki.serving(root, "istiod.istio-system.svc", java.util.List.of("istiod.istio-system.svc"),
            Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(90)));

    String rootPem() {
        return root.certificatePem();
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Today's install with the caBundle set to the mesh root on every hook. */
    String install() {
        String service = "    service: {name: istiod, namespace: istio-system, path: /inject, port: 443}\n";
        return Fixtures.modernConfiguration("default", "enabled", IMAGE)
                .replace(service, service + "    caBundle: " + b64(rootPem()) + "\n")
                .replace("    neverInjectSelector: []\n", "    neverInjectSelector: []\n  values: '{\"global\":{\"hub\":\"docker.io/istio\",\"tag\":\"1.27.1\"},\"revision\":\"\"}'\n");
    }

    String controlPlane() {
        return """
                apiVersion: v1
                kind: Namespace
                metadata: {name: istio-system}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: istio-ca-root-cert, namespace: istio-system}
                data:
                  root-cert.pem: |
                %s---
                apiVersion: v1
                kind: Service
                metadata: {name: istiod, namespace: istio-system}
                spec:
                  selector: {app: istiod}
                  ports: [{name: https-webhook, port: 443, targetPort: 15017}]
                ---
                apiVersion: v1
                kind: Endpoints
                metadata: {name: istiod, namespace: istio-system}
                subsets:
                - addresses: [{ip: 10.0.0.5, targetRef: {kind: Pod, name: istiod-1, namespace: istio-system}}]
                  ports: [{name: https-webhook, port: 15017}]
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: istiod-1
                  namespace: istio-system
                  labels: {app: istiod, istio.io/rev: default, sidecar.istio.io/inject: "false"}
                spec:
                  containers: [{name: discovery, image: %s}]
                status:
                  phase: Running
                  conditions: [{type: Ready, status: "True"}]
                """.formatted(rootPem().indent(4), IMAGE);
    }

    static String apps() {
        return Fixtures.join(Fixtures.namespace("shop", "istio-injection", "enabled"),
                Fixtures.pod("shop", "web", null, false, true), Fixtures.pod("shop", "api", "false", false, false));
    }

    /** A Secret whose data entries are given as plain text and stored base64-encoded, as the API does. */
    static String secret(String name, String type, String annotation, String... entries) {
        StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: Secret\nmetadata:\n  name: " + name
                + "\n  namespace: istio-system\n");
        if (annotation != null) {
            sb.append("  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: ")
                    .append(quoteJson(annotation)).append('\n');
        }
        sb.append("type: ").append(type).append("\ndata:\n");
        for (int i = 0; i + 1 < entries.length; i += 2) {
            sb.append("  ").append(entries[i]).append(": ").append(b64(entries[i + 1])).append('\n');
        }
        return sb.toString();
    }

    private static String quoteJson(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static String join(String... docs) {
        return Fixtures.join(docs);
    }

    static Path write(Path dir, String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.writeString(p, text);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A kubeconfig for a server on 127.0.0.1:port with the given bearer token. */
    static String kubeconfig(int port, String token) {
        return """
                apiVersion: v1
                kind: Config
                clusters: [{name: mock, cluster: {server: "http://127.0.0.1:%d"}}]
                users: [{name: tester, user: {token: "%s"}}]
                contexts: [{name: mock, context: {cluster: mock, user: tester, namespace: default}}]
                current-context: mock
                """.formatted(port, token);
    }
}
