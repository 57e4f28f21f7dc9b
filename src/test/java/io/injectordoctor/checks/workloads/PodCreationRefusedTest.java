package io.injectordoctor.checks.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodCreationRefusedTest {
    @Test
    void firesOnceForTheWorkloadWhoseNextPodTheApiServerRefuses() {
        List<Finding> f = CheckTester.run(new PodCreationRefused(), Fixtures.fromFixtureFile("ID0504/fires.yaml"));
        assertThat(f).filteredOn(x -> x.severity() == Severity.ERROR).extracting(Finding::subject)
                .contains("Deployment default/sleep").doesNotContain("Pod default/sleep-5d8f7c9b4-k2x7p");
        Finding sleep = f.stream().filter(x -> x.subject().equals("Deployment default/sleep")).findFirst().orElseThrow();
        assertThat(sleep.message()).startsWith("the API server refuses to create its pods at hook "
                + "istio-sidecar-injector-old/old.sidecar-injector.istio.io namespaceSelector (HTTP 500 InternalError): Internal error occurred:");
        assertThat(sleep.evidence()).containsEntry("httpCode", 500);
    }

    @Test
    void staysQuietWhenEveryHookIsValid() {
        assertThat(CheckTester.run(new PodCreationRefused(), Fixtures.snapshot(Fixtures.HEALTHY))).isEmpty();
    }
}
