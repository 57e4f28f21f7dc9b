package io.injectordoctor.checks.namespaces;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.Fixtures;
import org.junit.jupiter.api.Test;

class IgnoredNamespaceLabelledTest {
    @Test
    void firesOnSystemNamespacesLabelledForInjection() {
        assertThat(CheckTester.run(new IgnoredNamespaceLabelled(), Fixtures.healthyWith("ID0403/fires.yaml")))
                .extracting(Finding::subject, f -> f.evidence().get("label")).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Namespace kube-system", "istio-injection=enabled"),
                        org.assertj.core.groups.Tuple.tuple("Namespace local-path-storage", "istio.io/rev=default"));
    }

    @Test
    void staysQuietOnTheRunbooksOptOutLabels() {
        assertThat(CheckTester.run(new IgnoredNamespaceLabelled(), Fixtures.healthyWith("ID0403/dont-fire.yaml"))).isEmpty();
    }
}
