package io.injectordoctor.checks.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.checks.Fixtures;
import org.junit.jupiter.api.Test;

class HostNetworkInjectionRequestedTest {
    @Test
    void firesOnAHostNetworkTemplateThatAsksForTheSidecar() {
        assertThat(CheckTester.run(new HostNetworkInjectionRequested(), Fixtures.healthyWith("ID0503/fires.yaml")))
                .singleElement().satisfies(f -> {
                    assertThat(f.subject()).isEqualTo("DaemonSet default/node-agent");
                    assertThat(f.evidence()).containsEntry("request", "sidecar.istio.io/inject=true");
                });
    }

    @Test
    void staysQuietOnHostNetworkWithoutARequestAndOnARequestWithoutHostNetwork() {
        assertThat(CheckTester.run(new HostNetworkInjectionRequested(), Fixtures.healthyWith("ID0503/dont-fire.yaml")))
                .isEmpty();
    }
}
