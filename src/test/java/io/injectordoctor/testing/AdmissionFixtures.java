package io.injectordoctor.testing;

/**
 * Clusters for the admission tests: one MutatingWebhookConfiguration whose injection hooks the
 * test writes (rules, selectors, matchConditions, failurePolicy), istiod 1.27.1 with policy
 * enabled, an opt-in namespace {@code shop} and a plain one {@code plain}, and pods in them.
 */
public final class AdmissionFixtures {
    private AdmissionFixtures() {
    }

    /** A hook with the chart's client config; {@code body} is the rest of its YAML, indented by four spaces. */
    public static String hook(String name, String body) {
        return """
                - name: %s
                  admissionReviewVersions: [v1]
                  sideEffects: None
                  clientConfig:
                    service: {name: istiod, namespace: istio-system, path: /inject, port: 443}
                %s""".formatted(name, body.indent(2));
    }

    /** The usual rules: CREATE of core/v1 pods. */
    public static final String POD_RULES = """
            rules:
            - {operations: [CREATE], apiGroups: [""], apiVersions: [v1], resources: [pods]}
            """;

    public static String cluster(String configurationName, String... hooks) {
        return """
                apiVersion: admissionregistration.k8s.io/v1
                kind: MutatingWebhookConfiguration
                metadata:
                  name: %s
                  labels: {istio.io/rev: default}
                webhooks:
                %s---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: istio-sidecar-injector, namespace: istio-system}
                data:
                  config: |
                    policy: enabled
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: istiod, namespace: istio-system}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: istiod}}
                  template:
                    metadata: {labels: {app: istiod}}
                    spec:
                      containers:
                      - name: discovery
                        image: docker.io/istio/pilot:1.27.1
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: istio-system}
                ---
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: shop
                  labels: {istio-injection: enabled}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: plain}
                """.formatted(configurationName, String.join("", hooks));
    }

    /** A pod with a name chosen by hand (no owner), its labels given as key, value, key, value... */
    public static String pod(String namespace, String name, String... labels) {
        StringBuilder sb = new StringBuilder("---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name
                + "\n  namespace: " + namespace + "\n");
        if (labels.length > 0) {
            sb.append("  labels:\n");
            for (int i = 0; i + 1 < labels.length; i += 2) {
                sb.append("    ").append(labels[i]).append(": \"").append(labels[i + 1]).append("\"\n");
            }
        }
        sb.append("spec:\n  containers:\n  - name: app\n    image: nginx\n");
        return sb.toString();
    }
}
