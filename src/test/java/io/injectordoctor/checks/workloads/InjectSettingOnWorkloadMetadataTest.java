package io.injectordoctor.checks.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.Fixtures;
import org.junit.jupiter.api.Test;

class InjectSettingOnWorkloadMetadataTest {
    @Test
    void firesOnTheDeploymentsOwnAnnotationAndOnARevisionThatDiffersFromTheTemplate() {
        assertThat(CheckTester.run(new InjectSettingOnWorkloadMetadata(), Fixtures.healthyWith("ID0501/fires.yaml")))
                .extracting(Finding::subject, Finding::message).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Deployment default/web", "has the annotation "
                                + "sidecar.istio.io/inject=false on its own metadata, which Istio ignores; its pod "
                                + "template does not carry it"),
                        org.assertj.core.groups.Tuple.tuple("StatefulSet default/db", "has the label istio.io/rev=canary "
                                + "on its own metadata, which Istio ignores; its pod template says istio.io/rev=default"));
    }

    @Test
    void staysQuietWhenTheTemplateCarriesTheSameSetting() {
        assertThat(CheckTester.run(new InjectSettingOnWorkloadMetadata(), Fixtures.healthyWith("ID0501/dont-fire.yaml")))
                .isEmpty();
    }
}
