package io.injectordoctor.checks.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.report.Advice;
import io.injectordoctor.report.Command;
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
    void theFixRemovesTheMisleadingKeyFromTheWorkloadAndNeverWritesTheTemplateTheOtherWay() {
        var findings = CheckTester.run(new InjectSettingOnWorkloadMetadata(), Fixtures.healthyWith("ID0501/fires.yaml"));
        // The template says nothing (web) or istio.io/rev=default (db): the command makes the metadata agree
        // by removing the key, and no command sets the metadata's value anywhere.
        assertThat(findings.get(0).fix()).filteredOn(Advice::isCommand).containsExactly(
                Advice.run(Command.kubectl("annotate", "deployment/web", "sidecar.istio.io/inject-", "-n", "default")));
        assertThat(findings.get(1).fix()).filteredOn(Advice::isCommand).containsExactly(
                Advice.run(Command.kubectl("label", "statefulset/db", "istio.io/rev-", "-n", "default")));
        assertThat(findings).flatExtracting(Finding::fix).filteredOn(Advice::isCommand)
                .allSatisfy(a -> assertThat(a.command().args()).noneMatch(w -> w.contains("=")));
    }

    @Test
    void theMeshsOwnWorkloadsGetNoCommand() {
        var findings = CheckTester.run(new InjectSettingOnWorkloadMetadata(),
                Fixtures.healthyWith("ID0501/mesh-workload.yaml"));
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.fix()).noneMatch(Advice::isCommand));
    }

    @Test
    void staysQuietWhenTheTemplateCarriesTheSameSetting() {
        assertThat(CheckTester.run(new InjectSettingOnWorkloadMetadata(), Fixtures.healthyWith("ID0501/dont-fire.yaml")))
                .isEmpty();
    }
}
