package io.injectordoctor.checks.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.report.Severity;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class WebhookSelectorShapeTest {
    @Test
    void firesOnAMatchAllHookOnRulesWithoutPodCreateAndOnConfigurationsTheApiServerWouldNotStore() {
        List<Finding> f = CheckTester.problems(new WebhookSelectorShape(), Fixtures.healthyWith("ID0202/fires.yaml"));

        assertThat(f).extracting(Finding::subject, Finding::severity).containsExactly(
                Tuple.tuple("MutatingWebhookConfiguration odd-injectors, hook everything.sidecar-injector.istio.io", Severity.WARNING),
                Tuple.tuple("MutatingWebhookConfiguration odd-injectors, hook updates.sidecar-injector.istio.io", Severity.WARNING),
                Tuple.tuple("MutatingWebhookConfiguration odd-injectors, hook typo.sidecar-injector.istio.io", Severity.ERROR),
                Tuple.tuple("MutatingWebhookConfiguration odd-injectors, hook conditions.sidecar-injector.istio.io",
                        Severity.ERROR));
        assertThat(f.get(0).message()).contains("selects every pod in every namespace");
        assertThat(f.get(1).message()).contains("do not cover CREATE of v1 pods");
        // apimachinery ValidateLabelSelectorRequirement on store; LabelSelectorAsSelector when a pod reaches the hook.
        assertThat(f.get(2).message()).isEqualTo("the API server would refuse to store this configuration:"
                + " webhooks[2].namespaceSelector.matchExpressions[0].operator: Invalid value: \"Equals\": not a valid selector"
                + " operator; stored as it is, it fails every pod CREATE it applies to with an internal error"
                + " (\"Equals\" is not a valid label selector operator)");
        // validateMatchConditions: the output type must be bool, and names are unique.
        assertThat(f.get(3).message()).isEqualTo("the API server would refuse to store this configuration:"
                + " webhooks[3].matchConditions[0].expression: Invalid value: \"object.metadata.name\": must evaluate to"
                + " bool but got dyn (and 1 more)");
        assertThat(f.get(3).evidence().get("refusedBecause")).asList()
                .contains("webhooks[3].matchConditions[1].name: Duplicate value: \"not-bool\"");
    }

    @Test
    void aSelectorOfTheWrongTypeInAFileIsAnErrorNotACrash() {
        List<Finding> f = CheckTester.problems(new WebhookSelectorShape(), Fixtures.healthyWith("ID0202/malformed.yaml"));

        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.message()).isEqualTo("the API server would refuse to store this configuration:"
                    + " webhooks[0].namespaceSelector: is a string, not a label selector; the API server cannot even decode it"
                    + " (and 1 more)");
            assertThat(x.evidence().get("refusedBecause")).asList().contains("webhooks[0].objectSelector.matchExpressions:"
                    + " is an object, not a list of requirements; the API server cannot even decode it");
        });
    }

    @Test
    void staysQuietOnTheChartShapesAndDescribesThem() {
        List<Finding> f = CheckTester.run(new WebhookSelectorShape(), Fixtures.snapshot(Fixtures.HEALTHY));

        assertThat(f).hasSize(4).allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.INFO));
        assertThat(f).filteredOn(x -> x.subject().endsWith("hook namespace.sidecar-injector.istio.io"))
                .singleElement().extracting(Finding::message).isEqualTo("selects namespaces that opt in "
                        + "(istio-injection In (enabled)) and pods unless they opt out (sidecar.istio.io/inject NotIn (false))");
        assertThat(CheckTester.run(new WebhookSelectorShape(), Fixtures.healthyWith("ID0202/fires.yaml")))
                .filteredOn(x -> x.subject().contains("dont-fire")).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.INFO);
    }

    @Test
    void staysQuietOnTheRunbooksOptOutShapeAndCallsItOptOut() {
        List<Finding> f = CheckTester.run(new WebhookSelectorShape(), Fixtures.healthyWith("ID0202/legacy-opt-out.yaml"));

        assertThat(f).filteredOn(x -> x.subject().contains("istio-sidecar-injector-legacy")).singleElement()
                .satisfies(x -> {
                    assertThat(x.severity()).isEqualTo(Severity.INFO);
                    assertThat(x.evidence()).containsEntry("namespaces", "opt-out").containsEntry("pods", "all");
                });
    }
}
