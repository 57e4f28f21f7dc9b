package io.injectordoctor.model;

import java.util.List;

/**
 * One hook of a MutatingWebhookConfiguration. A null selector means the field is absent, which
 * the API server treats as "match everything".
 */
public record Webhook(String name, List<Rule> rules, LabelSelector namespaceSelector, LabelSelector objectSelector,
        ClientConfig clientConfig, String failurePolicy, String sideEffects, Integer timeoutSeconds,
        String reinvocationPolicy, String matchPolicy, List<String> admissionReviewVersions,
        int matchConditionCount) {
    public Webhook {
        rules = rules == null ? List.of() : List.copyOf(rules);
        admissionReviewVersions = admissionReviewVersions == null ? List.of() : List.copyOf(admissionReviewVersions);
    }

    public record Rule(List<String> operations, List<String> apiGroups, List<String> apiVersions,
            List<String> resources, String scope) {
        public Rule {
            operations = operations == null ? List.of() : List.copyOf(operations);
            apiGroups = apiGroups == null ? List.of() : List.copyOf(apiGroups);
            apiVersions = apiVersions == null ? List.of() : List.copyOf(apiVersions);
            resources = resources == null ? List.of() : List.copyOf(resources);
        }
    }

    /** Where the API server sends the review; {@code caBundle} is the base64 text as stored. */
    public record ClientConfig(ServiceReference service, String url, String caBundle) {
    }

    public record ServiceReference(String namespace, String name, String path, Integer port) {
        public int portOrDefault() {
            return port == null ? 443 : port;
        }
    }
}
