package io.injectordoctor.decision;

import io.injectordoctor.model.Webhook;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether a webhook's {@code rules} select an admission request, as the API server decides it.
 * One rule matches when its scope, operations, apiGroups, apiVersions and resources all do
 * (k8s.io/apiserver pkg/admission/plugin/webhook/predicates/rules/rules.go, {@code Matcher.Matches});
 * the hook applies when any rule matches the request, or, with {@code matchPolicy: Equivalent},
 * an equivalent resource of another group or version (webhook/generic/webhook.go,
 * {@code ShouldCallHook}).
 */
public final class AdmissionRules {
    private AdmissionRules() {
    }

    /** rules.go {@code Matches}: scope, operation, group, version and resource, all of them. */
    public static boolean matches(Webhook.Rule rule, AdmissionRequest r) {
        return scope(rule.scope(), r) && operation(rule.operations(), r.operation())
                && exactOrWildcard(rule.apiGroups(), r.group()) && exactOrWildcard(rule.apiVersions(), r.version())
                && resource(rule.resources(), r);
    }

    /**
     * The request a hook is invoked for, or empty when its rules do not apply. The rules are tried
     * against the request first; only when none matches and the policy is Equivalent are they
     * tried, in order, against each equivalent resource (webhook.go {@code ShouldCallHook}).
     */
    public static Optional<AdmissionRequest> invocation(List<Webhook.Rule> rules, String matchPolicy, AdmissionRequest r) {
        return invocation(rules, matchPolicy, r, EquivalentResources::of);
    }

    /** The same, with the cluster's equivalent resources given (the API server's EquivalentResourceMapper). */
    public static Optional<AdmissionRequest> invocation(List<Webhook.Rule> rules, String matchPolicy, AdmissionRequest r,
            Function<AdmissionRequest, List<AdmissionRequest>> equivalents) {
        for (Webhook.Rule rule : rules) {
            if (matches(rule, r)) {
                return Optional.of(r);
            }
        }
        if (!"Equivalent".equals(matchPolicy)) {
            return Optional.empty();
        }
        for (Webhook.Rule rule : rules) {
            for (AdmissionRequest equivalent : equivalents.apply(r)) {
                if (!equivalent.equals(r) && matches(rule, equivalent)) {
                    return Optional.of(equivalent);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the hook's rules select a pod CREATE in a namespace, under its match policy. */
    public static boolean coverPodCreate(List<Webhook.Rule> rules, String matchPolicy) {
        return invocation(rules, matchPolicy, AdmissionRequest.podCreate("default")).isPresent();
    }

    // rules.go exactOrWildcard: "*" or the exact value; an empty list matches nothing.
    static boolean exactOrWildcard(List<String> items, String requested) {
        for (String item : items) {
            if ("*".equals(item) || item.equals(requested)) {
                return true;
            }
        }
        return false;
    }

    // rules.go operation(): "*" (OperationAll) or the request's operation.
    static boolean operation(List<String> operations, String requested) {
        return exactOrWildcard(operations, requested);
    }

    /**
     * rules.go scope(): absent or "*" matches all; "Namespaced" needs a namespace and a resource
     * other than namespaces; "Cluster" needs no namespace, or the namespaces resource itself; any
     * other value matches nothing.
     */
    static boolean scope(String scope, AdmissionRequest r) {
        if (scope == null || "*".equals(scope)) {
            return true;
        }
        boolean namespaceResource = r.group().isEmpty() && "v1".equals(r.version()) && "namespaces".equals(r.resource());
        return switch (scope) {
            case "Namespaced" -> !namespaceResource && !r.namespace().isEmpty();
            case "Cluster" -> namespaceResource || r.namespace().isEmpty();
            default -> false;
        };
    }

    /**
     * rules.go resource(): each entry is split at its first '/' into resource and sub-resource
     * (none when there is no '/'); "*" on either side matches anything there. So "pods" and "*"
     * match only requests without a sub-resource, "pods/*" matches the pod itself and all its
     * sub-resources, "&#42;/status" every status and "&#42;/&#42;" everything.
     */
    static boolean resource(List<String> resources, AdmissionRequest r) {
        for (String entry : resources) {
            int slash = entry.indexOf('/');
            String res = slash < 0 ? entry : entry.substring(0, slash);
            String sub = slash < 0 ? "" : entry.substring(slash + 1);
            boolean resMatch = "*".equals(res) || res.equals(r.resource());
            boolean subMatch = "*".equals(sub) || sub.equals(r.subresource());
            if (resMatch && subMatch) {
                return true;
            }
        }
        return false;
    }
}
