package io.injectordoctor.decision;

import static io.injectordoctor.testing.AdmissionFixtures.POD_RULES;
import static io.injectordoctor.testing.AdmissionFixtures.cluster;
import static io.injectordoctor.testing.AdmissionFixtures.hook;
import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.model.NamespaceInfo;
import io.injectordoctor.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stage A with the three outcomes, hook by hook as k8s.io/apiserver decides:
 * webhook/generic/webhook.go {@code ShouldCallHook} (a converting selector that does not match
 * skips the hook; the rules next; then a selector that does not convert fails the request with
 * {@code NewInternalError}; then matchConditions, whose error under Fail is {@code NewForbidden}),
 * webhook/predicates/namespace/matcher.go {@code MatchNamespaceSelector} and object/matcher.go
 * {@code MatchObjectSelector} (the conversion error as an internal error),
 * webhook/matchconditions/matcher.go {@code Match} (any false skips; errors under Fail refuse,
 * under Ignore skip), and webhook/mutating/dispatcher.go {@code Dispatch} with
 * configuration/mutating_webhook_manager.go (configurations by name, the first error ends the request).
 */
class AdmissionDecisionTest {
    static final String MATCHING_NS = "namespaceSelector: {matchLabels: {istio-injection: enabled}}\n";
    static final String BAD_NS = "namespaceSelector:\n  matchExpressions:\n  - {key: istio-injection, operator: In}\n";
    static final String BAD_OBJ = "objectSelector:\n  matchExpressions:\n  - {key: app, operator: Exists, values: [web]}\n";

    static Decision decide(String yaml, String ns, RequestUser user, String... podLabels) {
        ClusterSnapshot s = Fixtures.snapshot(yaml);
        Map<String, String> nsLabels = s.namespace(ns).map(NamespaceInfo::effectiveLabels).orElseThrow();
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < podLabels.length; i += 2) {
            labels.put(podLabels[i], podLabels[i + 1]);
        }
        return ReferenceInjector.of(s, null, user).decide(new InjectionSubject(ns, labels, Map.of(), false, "web"), nsLabels);
    }

    static String conditions(String failurePolicy, String... expressions) {
        StringBuilder b = new StringBuilder("failurePolicy: " + failurePolicy + "\nmatchConditions:\n");
        for (int i = 0; i < expressions.length; i++) {
            b.append("- name: c").append(i).append("\n  expression: \"").append(expressions[i].replace("\"", "\\\""))
                    .append("\"\n");
        }
        return b.toString();
    }

    @Test
    void anInvalidSelectorAtAHookThatAppliesRefusesTheCreateWithAnInternalError() {
        Decision d = decide(cluster("istio-sidecar-injector", hook("namespace.sidecar-injector.istio.io",
                POD_RULES + BAD_NS)), "shop", null);

        assertThat(d.admission()).isEqualTo(AdmissionOutcome.REFUSED);
        assertThat(d.inject()).isFalse();
        assertThat(d.injectOrUnknown()).isFalse();
        assertThat(d.refusal().httpCode()).isEqualTo(500);
        assertThat(d.refusal().statusReason()).isEqualTo("InternalError");
        assertThat(d.refusal().message()).isEqualTo("Internal error occurred: values: Invalid value: null: for 'in',"
                + " 'notin' operators, values set can't be empty");
        assertThat(d.refusal().hook()).isEqualTo("istio-sidecar-injector/namespace.sidecar-injector.istio.io namespaceSelector");
        assertThat(d.decisive().code()).isEqualTo(ReasonCode.SELECTOR_INVALID);
        assertThat(d.hooks().get(0).outcome()).isEqualTo(AdmissionOutcome.REFUSED);
        assertThat(d.hooks().get(0).calledOrUnknown()).isFalse();
        // The namespace plays no part: the selector cannot be converted, so it is never evaluated.
        assertThat(decide(cluster("x", hook("a.istio.io", POD_RULES + BAD_NS)), "plain", null).admission())
                .isEqualTo(AdmissionOutcome.REFUSED);
    }

    @Test
    void anInvalidSelectorIsHarmlessWhereTheRulesOrTheOtherSelectorExcludeTheRequest() {
        String otherRules = "rules:\n- {operations: [UPDATE], apiGroups: [\"\"], apiVersions: [v1], resources: [pods]}\n";
        Decision rules = decide(cluster("x", hook("a.istio.io", otherRules + BAD_NS)), "shop", null);
        assertThat(rules.admission()).isEqualTo(AdmissionOutcome.NOT_CALLED);
        assertThat(rules.refusal()).isNull();

        String excluding = "objectSelector: {matchLabels: {sidecar.istio.io/inject: \"true\"}}\n";
        Decision selector = decide(cluster("x", hook("a.istio.io", POD_RULES + BAD_NS + excluding)), "shop", null);
        assertThat(selector.admission()).isEqualTo(AdmissionOutcome.NOT_CALLED);
        assertThat(decide(cluster("x", hook("a.istio.io", POD_RULES + BAD_NS + excluding)), "shop", null,
                "sidecar.istio.io/inject", "true").admission()).isEqualTo(AdmissionOutcome.REFUSED);
    }

    @Test
    void theNamespaceSelectorsErrorComesBeforeTheObjectSelectorsAndSubresourceWildcardsApply() {
        String podsStar = "rules:\n- {operations: [\"*\"], apiGroups: [\"\"], apiVersions: [v1], resources: [\"pods/*\"]}\n";
        Decision objOnly = decide(cluster("x", hook("a.istio.io", podsStar + MATCHING_NS + BAD_OBJ)), "shop", null);
        assertThat(objOnly.refusal().message()).isEqualTo("Internal error occurred: values: Invalid value: [\"web\"]:"
                + " values set must be empty for exists and does not exist");
        assertThat(objOnly.refusal().hook()).endsWith("objectSelector");

        Decision both = decide(cluster("x", hook("a.istio.io", podsStar + BAD_NS + BAD_OBJ)), "shop", null);
        assertThat(both.refusal().hook()).endsWith("namespaceSelector");
    }

    @Test
    void aFalseConditionSkipsTheHookWhateverTheOthersGive() {
        Decision d = decide(cluster("x", hook("a.istio.io", POD_RULES + MATCHING_NS
                + conditions("Fail", "object.metadata.labels.missing == 'x'", "request.namespace == 'other'"))), "shop", null);

        assertThat(d.admission()).isEqualTo(AdmissionOutcome.NOT_CALLED);
        assertThat(d.inject()).isFalse();
        assertThat(d.has(ReasonCode.MATCH_CONDITION_FALSE)).isTrue();
        assertThat(d.decisive().code()).isEqualTo(ReasonCode.NO_HOOK_MATCHED);
        assertThat(d.hooks().get(0).evidence()).contains("matchCondition c1 (request.namespace == 'other'): false");
    }

    @Test
    void trueConditionsCallTheInjector() {
        Decision d = decide(cluster("x", hook("a.istio.io", POD_RULES + MATCHING_NS
                + conditions("Fail", "request.namespace == 'shop'", "!has(object.spec.hostNetwork)"))), "shop", null);

        assertThat(d.admission()).isEqualTo(AdmissionOutcome.CALLED);
        assertThat(d.inject()).isTrue();
        assertThat(d.has(ReasonCode.MATCH_CONDITIONS_TRUE)).isTrue();
        assertThat(d.decisive().code()).isEqualTo(ReasonCode.POLICY_ENABLED);
    }

    @Test
    void anErrorRefusesUnderFailWithTheForbiddenMessageAndSkipsUnderIgnore() {
        String erring = "object.metadata.labels.tier == 'x'";
        Decision fail = decide(cluster("x", hook("a.istio.io", POD_RULES + MATCHING_NS
                + conditions("Fail", "true", erring))), "shop", null, "app", "web");
        assertThat(fail.admission()).isEqualTo(AdmissionOutcome.REFUSED);
        assertThat(fail.refusal().httpCode()).isEqualTo(403);
        assertThat(fail.refusal().message()).isEqualTo("pods \"web\" is forbidden: expression"
                + " 'object.metadata.labels.tier == 'x'' resulted in error: no such key: tier");
        assertThat(fail.decisive().code()).isEqualTo(ReasonCode.MATCH_CONDITION_ERROR);
        // Without labels the pod has no metadata.labels at all: the API server fails one step earlier.
        assertThat(decide(cluster("x", hook("a.istio.io", POD_RULES + MATCHING_NS + conditions("Fail", erring))), "shop",
                null).refusal().message()).endsWith("resulted in error: no such key: labels");

        Decision ignore = decide(cluster("x", hook("a.istio.io", POD_RULES + MATCHING_NS
                + conditions("Ignore", "true", erring))), "shop", null);
        assertThat(ignore.admission()).isEqualTo(AdmissionOutcome.NOT_CALLED);
        assertThat(ignore.has(ReasonCode.MATCH_CONDITION_ERROR_IGNORED)).isTrue();

        // matcher.go NewMatcher: an absent failurePolicy is Fail. Two errors are aggregated in brackets.
        Decision absent = decide(cluster("x", hook("a.istio.io", POD_RULES + MATCHING_NS
                + "matchConditions:\n- {name: a, expression: \"1/0 == 1\"}\n- {name: b, expression: \"[1][3] == 1\"}\n")),
                "shop", null);
        assertThat(absent.refusal().message()).isEqualTo("pods \"web\" is forbidden: [expression '1/0 == 1' resulted in"
                + " error: division by zero, expression '[1][3] == 1' resulted in error: index out of bounds: 3]");
    }

    @Test
    void whatTheToolCannotKnowIsUnknownUntilTheUserIsGiven() {
        String yaml = cluster("x", hook("a.istio.io", POD_RULES + MATCHING_NS
                + conditions("Fail", "!('system:nodes' in request.userInfo.groups)")));

        Decision unknown = decide(yaml, "shop", null);
        assertThat(unknown.admission()).isEqualTo(AdmissionOutcome.UNKNOWN);
        assertThat(unknown.injectOrUnknown()).isNull();
        assertThat(unknown.inject()).isFalse();
        assertThat(unknown.hooks().get(0).calledOrUnknown()).isNull();
        assertThat(unknown.decisive().code()).isEqualTo(ReasonCode.MATCH_CONDITION_UNKNOWN);
        assertThat(unknown.decisive().message()).contains("!('system:nodes' in request.userInfo.groups)").contains("--as");

        assertThat(decide(yaml, "shop", RequestUser.impersonated("bob", List.of())).injectOrUnknown()).isTrue();
        assertThat(decide(yaml, "shop", RequestUser.impersonated("system:node:n1", List.of("system:nodes")))
                .admission()).isEqualTo(AdmissionOutcome.NOT_CALLED);
    }

    @Test
    void theFirstConfigurationByNameThatRefusesEndsTheRequestAndLaterHooksAreNotReached() {
        String refusing = cluster("a-first", hook("a.istio.io", POD_RULES + BAD_NS));
        String calling = cluster("b-second", hook("b.istio.io", POD_RULES + MATCHING_NS)).split("---\n")[0];
        Decision d = decide(calling + "---\n" + refusing, "shop", null);

        assertThat(d.hooks()).extracting(HookEvaluation::qualifiedName).containsExactly("a-first/a.istio.io", "b-second/b.istio.io");
        assertThat(d.admission()).isEqualTo(AdmissionOutcome.REFUSED);
        assertThat(d.hooks().get(1).reached()).isFalse();
        assertThat(d.hooks().get(1).matched()).isFalse();
        assertThat(d.matchedHooks()).isEmpty();
    }

    @Test
    void aSelectorThatIsNotAnObjectIsReportedNotACrash() {
        Decision d = decide(cluster("x", hook("a.istio.io", POD_RULES + "namespaceSelector: istio-injection=enabled\n")),
                "shop", null);
        assertThat(d.admission()).isEqualTo(AdmissionOutcome.REFUSED);
        assertThat(d.refusal().message()).isEqualTo("Internal error occurred: namespaceSelector is a string, not a label"
                + " selector (no API server stores such a hook: the file is wrong)");
    }
}
