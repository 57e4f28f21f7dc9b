package io.injectordoctor.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.model.Webhook;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every form of a webhook rule against requests, as k8s.io/apiserver
 * pkg/admission/plugin/webhook/predicates/rules/rules.go (kubernetes/kubernetes at 7fc9c57d,
 * staging/src/k8s.io/apiserver/...) matches them: {@code Matches} L35-41, {@code exactOrWildcard}
 * L43-54, {@code scope} L58-73, {@code operation} L83-96, {@code splitResource} L98-104,
 * {@code resource} L106-117; and matchPolicy Equivalent as webhook/generic/webhook.go
 * {@code ShouldCallHook} applies it (the rules against the request first, then, in rule order,
 * against each equivalent resource other than the request's own).
 */
class AdmissionRulesTest {
    static final AdmissionRequest POD_CREATE = AdmissionRequest.podCreate("shop");
    static final AdmissionRequest POD_STATUS = new AdmissionRequest("UPDATE", "", "v1", "pods", "status", "shop");
    static final AdmissionRequest POD_UPDATE = new AdmissionRequest("UPDATE", "", "v1", "pods", "", "shop");
    static final AdmissionRequest NAMESPACE_CREATE = new AdmissionRequest("CREATE", "", "v1", "namespaces", "", "team-a");
    static final AdmissionRequest NODE_CREATE = new AdmissionRequest("CREATE", "", "v1", "nodes", "", "");
    static final AdmissionRequest DEPLOYMENT_CREATE = new AdmissionRequest("CREATE", "apps", "v1", "deployments", "", "shop");

    static Webhook.Rule rule(List<String> ops, List<String> groups, List<String> versions, List<String> resources, String scope) {
        return new Webhook.Rule(ops, groups, versions, resources, scope);
    }

    static Webhook.Rule pods(String... resources) {
        return rule(List.of("CREATE"), List.of(""), List.of("v1"), List.of(resources), null);
    }

    static Stream<Arguments> resourceForms() {
        return Stream.of(
                // resource entry, request, matches? (rules.go resource(): splitResource then "*" or equal on each side)
                Arguments.of("pods", POD_CREATE, true),
                Arguments.of("pods", POD_STATUS, false),
                Arguments.of("pods/*", POD_CREATE, true),
                Arguments.of("pods/*", POD_STATUS, true),
                Arguments.of("pods/status", POD_STATUS, true),
                Arguments.of("pods/status", POD_CREATE, false),
                Arguments.of("*", POD_CREATE, true),
                Arguments.of("*", POD_STATUS, false),
                Arguments.of("*/*", POD_CREATE, true),
                Arguments.of("*/*", POD_STATUS, true),
                Arguments.of("*/status", POD_STATUS, true),
                Arguments.of("*/status", POD_CREATE, false),
                Arguments.of("*/binding", POD_STATUS, false),
                Arguments.of("deployments", POD_CREATE, false),
                Arguments.of("Pods", POD_CREATE, false),
                Arguments.of("pods/", POD_CREATE, true),
                Arguments.of("pods/status/x", POD_STATUS, false));
    }

    @ParameterizedTest(name = "resources [{0}] against {1} -> {2}")
    @MethodSource("resourceForms")
    void resourceForms(String entry, AdmissionRequest r, boolean expected) {
        Webhook.Rule rule = rule(List.of("*"), List.of("*"), List.of("*"), List.of(entry), null);
        assertThat(AdmissionRules.matches(rule, r)).isEqualTo(expected);
    }

    static Stream<Arguments> operations() {
        return Stream.of(
                // rules.go operation(): OperationAll "*" or the request's own operation, case-sensitive.
                Arguments.of(List.of("CREATE"), true),
                Arguments.of(List.of("*"), true),
                Arguments.of(List.of("UPDATE", "CREATE"), true),
                Arguments.of(List.of("UPDATE"), false),
                Arguments.of(List.of("create"), false),
                Arguments.of(List.of(), false));
    }

    @ParameterizedTest(name = "operations {0} -> {1}")
    @MethodSource("operations")
    void operations(List<String> ops, boolean expected) {
        assertThat(AdmissionRules.matches(rule(ops, List.of(""), List.of("v1"), List.of("pods"), null), POD_CREATE))
                .isEqualTo(expected);
    }

    static Stream<Arguments> groupsAndVersions() {
        return Stream.of(
                // rules.go exactOrWildcard(): "*" or exactly the request's group ("" is core) and version.
                Arguments.of(List.of(""), List.of("v1"), true),
                Arguments.of(List.of("*"), List.of("*"), true),
                Arguments.of(List.of("apps", ""), List.of("v1beta1", "v1"), true),
                Arguments.of(List.of("core"), List.of("v1"), false),
                Arguments.of(List.of(""), List.of("v2"), false),
                Arguments.of(List.of(), List.of("v1"), false),
                Arguments.of(List.of(""), List.of(), false));
    }

    @ParameterizedTest(name = "apiGroups {0} apiVersions {1} -> {2}")
    @MethodSource("groupsAndVersions")
    void groupsAndVersions(List<String> groups, List<String> versions, boolean expected) {
        assertThat(AdmissionRules.matches(rule(List.of("CREATE"), groups, versions, List.of("pods"), null), POD_CREATE))
                .isEqualTo(expected);
    }

    static Stream<Arguments> scopes() {
        return Stream.of(
                // rules.go scope(): nil or "*" all; Namespaced needs a namespace and not the namespaces resource;
                // Cluster needs no namespace, or the namespaces resource; anything else matches nothing.
                Arguments.of(null, POD_CREATE, true),
                Arguments.of("*", POD_CREATE, true),
                Arguments.of("Namespaced", POD_CREATE, true),
                Arguments.of("Cluster", POD_CREATE, false),
                Arguments.of("Namespaced", NAMESPACE_CREATE, false),
                Arguments.of("Cluster", NAMESPACE_CREATE, true),
                Arguments.of("Cluster", NODE_CREATE, true),
                Arguments.of("Namespaced", NODE_CREATE, false),
                Arguments.of("namespaced", POD_CREATE, false));
    }

    @ParameterizedTest(name = "scope {0} against {1} -> {2}")
    @MethodSource("scopes")
    void scopes(String scope, AdmissionRequest r, boolean expected) {
        Webhook.Rule rule = rule(List.of("*"), List.of("*"), List.of("*"), List.of("*"), scope);
        assertThat(AdmissionRules.matches(rule, r)).isEqualTo(expected);
    }

    @Test
    void anyRuleOfTheHookSelectsTheRequest() {
        List<Webhook.Rule> rules = List.of(pods("services"), pods("pods/*"));
        assertThat(AdmissionRules.invocation(rules, "Exact", POD_CREATE)).contains(POD_CREATE);
        assertThat(AdmissionRules.invocation(List.of(pods("services")), "Exact", POD_CREATE)).isEmpty();
        assertThat(AdmissionRules.invocation(List.of(), "Equivalent", POD_CREATE)).isEmpty();
    }

    @Test
    void aPodHasNoEquivalentSoEquivalentAndExactAgree() {
        // core/v1 is the only group/version that serves pods: a rule for another version matches under neither policy.
        List<Webhook.Rule> v1beta1 = List.of(rule(List.of("CREATE"), List.of(""), List.of("v1beta1"), List.of("pods"), null));
        assertThat(AdmissionRules.invocation(v1beta1, "Equivalent", POD_CREATE)).isEmpty();
        assertThat(AdmissionRules.invocation(v1beta1, "Exact", POD_CREATE)).isEmpty();
        assertThat(AdmissionRules.coverPodCreate(List.of(pods("pods")), "Equivalent")).isTrue();
        assertThat(AdmissionRules.coverPodCreate(List.of(pods("pods")), null)).isTrue();
    }

    @Test
    void equivalentMatchesAnEquivalentResourceOnlyWhenTheRequestItselfIsNotMatched() {
        // webhook.go ShouldCallHook: Equivalent tries, rule by rule, each equivalent other than the request's own.
        AdmissionRequest extensions = DEPLOYMENT_CREATE.withResource("extensions", "v1beta1", "deployments");
        List<Webhook.Rule> legacy = List.of(rule(List.of("CREATE"), List.of("extensions"), List.of("v1beta1"),
                List.of("deployments"), null));
        java.util.function.Function<AdmissionRequest, List<AdmissionRequest>> mapper =
                r -> List.of(r.withResource("apps", "v1", "deployments"), extensions);

        assertThat(AdmissionRules.invocation(legacy, "Exact", DEPLOYMENT_CREATE, mapper)).isEmpty();
        assertThat(AdmissionRules.invocation(legacy, "Equivalent", DEPLOYMENT_CREATE, mapper)).contains(extensions);
        // The request's own resource wins when a rule names it, whatever the policy.
        List<Webhook.Rule> both = List.of(legacy.get(0), rule(List.of("CREATE"), List.of("apps"), List.of("v1"),
                List.of("deployments"), null));
        assertThat(AdmissionRules.invocation(both, "Equivalent", DEPLOYMENT_CREATE, mapper)).contains(DEPLOYMENT_CREATE);
        assertThat(AdmissionRules.invocation(legacy, "Equivalent", DEPLOYMENT_CREATE, r -> List.of(r)))
                .isEqualTo(Optional.empty());
    }
}
