package io.injectordoctor.decision;

import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.mesh.RuleSet;
import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.model.LabelSelector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Stage B, rule by rule and version by version. */
class InjectRequiredTest {
    private static InjectorConfig config(String policy) {
        return new InjectorConfig("istio-system/istio-sidecar-injector", policy, List.of(), List.of(), null);
    }

    private static InjectionSubject pod(String ns, Map<String, String> labels, Map<String, String> annotations) {
        return new InjectionSubject(ns, labels, annotations, false);
    }

    private static Map<String, String> inject(String v) {
        return v == null ? Map.of() : Map.of(IstioLayout.INJECT, v);
    }

    @Test
    void hostNetworkComesFirstAndCannotBeOverridden() {
        InjectionSubject p = new InjectionSubject("shop", inject("true"), inject("true"), true);
        InjectRequired.Result r = InjectRequired.evaluate(p, config("enabled"), RuleSet.ISTIO_1_27_PLUS);
        assertThat(r.inject()).isFalse();
        assertThat(r.reasons()).extracting(Reason::code).containsExactly(ReasonCode.HOST_NETWORK);
    }

    @ParameterizedTest
    @CsvSource({
        "kube-system, ISTIO_1_27_PLUS, false",
        "kube-public, ISTIO_1_27_PLUS, false",
        "kube-node-lease, ISTIO_1_27_PLUS, false",
        "local-path-storage, ISTIO_1_13_TO_1_26, false",
        "kube-node-lease, ISTIO_PRE_1_9, true",
        "istio-system, ISTIO_1_27_PLUS, true",
        "Kube-System, ISTIO_1_27_PLUS, true"})
    void ignoredNamespacesByVersion(String ns, RuleSet rules, boolean injected) {
        assertThat(InjectRequired.evaluate(pod(ns, inject("true"), Map.of()), config("enabled"), rules).inject())
                .isEqualTo(injected);
    }

    @Test
    void theLabelWinsOverTheAnnotationFrom113() {
        InjectionSubject p = pod("shop", inject("true"), inject("false"));
        InjectRequired.Result r = InjectRequired.evaluate(p, config("disabled"), RuleSet.ISTIO_1_27_PLUS);
        assertThat(r.inject()).isTrue();
        assertThat(r.reasons()).extracting(Reason::code).contains(ReasonCode.LABEL_HIDES_ANNOTATION, ReasonCode.INJECT_LABEL);
    }

    @Test
    void beforeThe113RulesOnlyTheAnnotationCounts() {
        InjectionSubject p = pod("shop", inject("true"), inject("false"));
        InjectRequired.Result r = InjectRequired.evaluate(p, config("disabled"), RuleSet.ISTIO_1_9_TO_1_12);
        assertThat(r.inject()).isFalse();
        assertThat(r.reasons()).extracting(Reason::code).contains(ReasonCode.ANNOTATION_ONLY_VERSION, ReasonCode.INJECT_ANNOTATION);
    }

    @Test
    void aPresentEmptyLabelHidesTheAnnotationAndLeavesItToTheDefault() {
        InjectionSubject p = pod("shop", inject(""), inject("false"));
        InjectRequired.Result r = InjectRequired.evaluate(p, config("enabled"), RuleSet.ISTIO_1_27_PLUS);
        assertThat(r.inject()).isTrue();
        assertThat(r.reasons()).extracting(Reason::code).contains(ReasonCode.NO_INJECT_VALUE, ReasonCode.POLICY_ENABLED);
    }

    @ParameterizedTest(name = "{0} under {1}: policy enabled -> {2}, policy disabled -> {3}")
    @CsvSource({
        "true, ISTIO_1_27_PLUS, true, true",
        "false, ISTIO_1_27_PLUS, false, false",
        "yes, ISTIO_1_27_PLUS, true, false",
        "True, ISTIO_1_27_PLUS, true, false",
        "random, ISTIO_1_27_PLUS, true, false",
        "yes, ISTIO_1_13_TO_1_26, true, true",
        "True, ISTIO_1_13_TO_1_26, true, true",
        "on, ISTIO_1_13_TO_1_26, true, true",
        "random, ISTIO_1_13_TO_1_26, false, false",
        "no, ISTIO_1_13_TO_1_26, false, false"})
    void valueParsingByVersion(String value, RuleSet rules, boolean enabled, boolean disabled) {
        assertThat(InjectRequired.evaluate(pod("shop", inject(value), Map.of()), config("enabled"), rules).inject())
                .isEqualTo(enabled);
        assertThat(InjectRequired.evaluate(pod("shop", inject(value), Map.of()), config("disabled"), rules).inject())
                .isEqualTo(disabled);
    }

    @Test
    void neverWinsOverAlwaysAndExplicitWinsOverBoth() {
        LabelSelector team = new LabelSelector(Map.of("team", "a"), List.of());
        InjectorConfig c = new InjectorConfig("cm", "enabled", List.of(team), List.of(team), null);
        InjectRequired.Result both = InjectRequired.evaluate(pod("shop", Map.of("team", "a"), Map.of()), c,
                RuleSet.ISTIO_1_27_PLUS);
        assertThat(both.inject()).isFalse();
        assertThat(both.reasons()).extracting(Reason::code).contains(ReasonCode.NEVER_INJECT_SELECTOR)
                .doesNotContain(ReasonCode.ALWAYS_INJECT_SELECTOR);

        Map<String, String> labels = new HashMap<>(Map.of("team", "a"));
        labels.put(IstioLayout.INJECT, "true");
        assertThat(InjectRequired.evaluate(pod("shop", labels, Map.of()), c, RuleSet.ISTIO_1_27_PLUS).inject()).isTrue();
    }

    @Test
    void alwaysInjectsUnderADisabledPolicyAndEmptySelectorsAreSkipped() {
        LabelSelector always = new LabelSelector(Map.of("mesh", "yes"), List.of());
        LabelSelector empty = new LabelSelector(Map.of(), List.of());
        InjectorConfig c = new InjectorConfig("cm", "disabled", List.of(empty), List.of(always), null);
        assertThat(InjectRequired.evaluate(pod("shop", Map.of("mesh", "yes"), Map.of()), c, RuleSet.ISTIO_1_27_PLUS)
                .inject()).isTrue();
        assertThat(InjectRequired.evaluate(pod("shop", Map.of(), Map.of()), c, RuleSet.ISTIO_1_27_PLUS).inject()).isFalse();
    }

    @Test
    void anInvalidConfigSelectorIsSkippedWithAReason() {
        LabelSelector bad = new LabelSelector(Map.of(), List.of(new LabelSelector.Requirement("team", "Equals", List.of("a"))));
        InjectorConfig c = new InjectorConfig("cm", "enabled", List.of(bad), List.of(), null);
        InjectRequired.Result r = InjectRequired.evaluate(pod("shop", Map.of("team", "a"), Map.of()), c, RuleSet.ISTIO_1_27_PLUS);
        assertThat(r.inject()).isTrue();
        assertThat(r.reasons()).extracting(Reason::code).contains(ReasonCode.INVALID_CONFIG_SELECTOR);
    }

    @ParameterizedTest
    @CsvSource({"Enabled", "wrong_policy", "''"})
    void anIllegalPolicyDisablesEvenAnExplicitTrueUnlikeTheRunbookSays(String policy) {
        InjectRequired.Result r = InjectRequired.evaluate(pod("shop", inject("true"), Map.of()), config(policy),
                RuleSet.ISTIO_1_27_PLUS);
        assertThat(r.inject()).isFalse();
        assertThat(r.reasons()).extracting(Reason::code).contains(ReasonCode.POLICY_ILLEGAL, ReasonCode.SEED_RUNBOOK_DIFFERS);
        assertThat(r.explicitInjectIgnoredByPolicy()).isTrue();
    }

    @Test
    void anIllegalPolicyWithoutAnExplicitRequestAgreesWithTheRunbook() {
        InjectRequired.Result r = InjectRequired.evaluate(pod("shop", Map.of(), Map.of()), config("Enabled"),
                RuleSet.ISTIO_1_27_PLUS);
        assertThat(r.inject()).isFalse();
        assertThat(r.reasons()).extracting(Reason::code).contains(ReasonCode.POLICY_ILLEGAL)
                .doesNotContain(ReasonCode.SEED_RUNBOOK_DIFFERS);
    }
}
