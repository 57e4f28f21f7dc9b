package io.injectordoctor.model;

import java.util.List;
import java.util.Map;

/**
 * One hook of a MutatingWebhookConfiguration. A null selector means the field is absent, which
 * the API server treats as "match everything". {@code malformed} names the fields that are present
 * but not of their type (a selector that is a string, say), with what was found: such a hook could
 * not come from an API server, only from a hand-edited file, and is reported, never trusted.
 */
public record Webhook(String name, List<Rule> rules, LabelSelector namespaceSelector, LabelSelector objectSelector,
        ClientConfig clientConfig, String failurePolicy, String sideEffects, Integer timeoutSeconds,
        String reinvocationPolicy, String matchPolicy, List<String> admissionReviewVersions,
        List<MatchCondition> matchConditions, Map<String, String> malformed) {
    public Webhook {
        rules = rules == null ? List.of() : List.copyOf(rules);
        admissionReviewVersions = admissionReviewVersions == null ? List.of() : List.copyOf(admissionReviewVersions);
        matchConditions = matchConditions == null ? List.of() : List.copyOf(matchConditions);
        // in the order the fields were read, so that messages list them as the object does
        malformed = malformed == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(malformed));
    }

    public Webhook(String name, List<Rule> rules, LabelSelector namespaceSelector, LabelSelector objectSelector,
            ClientConfig clientConfig, String failurePolicy, String sideEffects, Integer timeoutSeconds,
            String reinvocationPolicy, String matchPolicy, List<String> admissionReviewVersions,
            List<MatchCondition> matchConditions) {
        this(name, rules, namespaceSelector, objectSelector, clientConfig, failurePolicy, sideEffects, timeoutSeconds,
                reinvocationPolicy, matchPolicy, admissionReviewVersions, matchConditions, Map.of());
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

    /** One CEL condition of the hook, kept verbatim: the API server calls the hook only when all are true. */
    public record MatchCondition(String name, String expression) {
    }
}
