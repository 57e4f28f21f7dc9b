package io.injectordoctor.checks.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.checks.Finding;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.checks.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSelectorShapeTest {
    @Test
    void firesOnAMatchAllHookOnRulesWithoutPodCreateAndOnAnUnknownOperator() {
        List<Finding> f = CheckTester.problems(new WebhookSelectorShape(), Fixtures.healthyWith("ID0202/fires.yaml"));

        assertThat(f).extracting(Finding::subject, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("MutatingWebhookConfiguration odd-injectors, hook everything.sidecar-injector.istio.io", Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple("MutatingWebhookConfiguration odd-injectors, hook updates.sidecar-injector.istio.io", Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple("MutatingWebhookConfiguration odd-injectors, hook typo.sidecar-injector.istio.io", Severity.WARNING));
        assertThat(f.get(0).message()).contains("selects every pod in every namespace");
        assertThat(f.get(1).message()).contains("do not cover CREATE of v1 pods");
        assertThat(f.get(2).message()).contains("\"Equals\" is not a valid label selector operator");
    }

    @Test
    void staysQuietOnTheChartShapesAndDescribesThem() {
        List<Finding> f = CheckTester.run(new WebhookSelectorShape(), Fixtures.snapshot(Fixtures.HEALTHY));

        assertThat(f).hasSize(4).allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.INFO));
        assertThat(f).filteredOn(x -> x.subject().endsWith("hook namespace.sidecar-injector.istio.io"))
                .singleElement().extracting(Finding::message).isEqualTo("selects namespaces that opt in "
                        + "(istio-injection In (enabled)) and pods unless they opt out (sidecar.istio.io/inject NotIn (false))");
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
