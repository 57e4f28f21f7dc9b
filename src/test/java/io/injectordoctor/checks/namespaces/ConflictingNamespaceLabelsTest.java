package io.injectordoctor.checks.namespaces;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.Fixtures;
import org.junit.jupiter.api.Test;

class ConflictingNamespaceLabelsTest {
    @Test
    void firesWhenBothLabelsAreSetAndSaysWhichWins() {
        assertThat(CheckTester.run(new ConflictingNamespaceLabels(), Fixtures.healthyWith("ID0402/fires.yaml")))
                .extracting(Finding::message).containsExactly(
                        "has istio-injection=enabled and istio.io/rev=canary: istio-injection wins, so pods are "
                                + "injected by the default revision, not by canary",
                        "has istio-injection=disabled and istio.io/rev=default: istio-injection wins, so no hook "
                                + "selects this namespace, whatever istio.io/rev says");
        assertThat(CheckTester.run(new ConflictingNamespaceLabels(), Fixtures.healthyWith("ID0402/fires.yaml")))
                .allSatisfy(f -> assertThat(f.fix()).singleElement().satisfies(a -> assertThat(a.command().args())
                        .containsSequence("label", "namespace").endsWith("istio-injection-")));
    }

    @Test
    void staysQuietWithOneLabelEach() {
        assertThat(CheckTester.run(new ConflictingNamespaceLabels(), Fixtures.healthyWith("ID0401/dont-fire.yaml"))).isEmpty();
    }
}
