package io.injectordoctor.checks.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class InjectorEndpointsReadyTest {
    private final InjectorEndpointsReady check = new InjectorEndpointsReady();

    @Test
    void firesWhenTheServiceHasNoEndpointsAtAll() {
        assertThat(CheckTester.run(check, Fixtures.snapshot(Fixtures.INJECTOR_DOWN))).extracting(Finding::message)
                .containsExactly("service istio-system/istiod has no Endpoints or EndpointSlice: the injector cannot be reached");
    }

    @Test
    void firesWhenNoEndpointIsReadyInEitherSource() {
        assertThat(CheckTester.run(check, Fixtures.injectorDownWith("ID0801/not-ready.yaml"))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("no endpoint of istio-system/istiod is ready (1 not ready)");
            assertThat(f.evidence()).containsEntry("targetPort", "15017")
                    .containsEntry("sources", List.of("Endpoints istiod", "EndpointSlice istiod-x7k2p"))
                    .containsEntry("notReady", List.of("10.48.6.108"));
        });
    }

    @Test
    void firesWhenTheEndpointsDoNotServeTheTargetPort() {
        assertThat(CheckTester.run(check, Fixtures.injectorDownWith("ID0801/wrong-port.yaml"))).extracting(Finding::message)
                .containsExactly("no endpoint of istio-system/istiod serves target port 15017 (endpoint ports: [grpc-xds/15010])");
    }

    @Test
    void warnsWhenOnlySomeEndpointsAreReady() {
        assertThat(CheckTester.run(check, Fixtures.injectorDownWith("ID0801/one-of-two-ready.yaml")))
                .extracting(Finding::severity, Finding::message).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        Severity.WARNING, "1 endpoint(s) of istio-system/istiod ready, 1 not ready"));
    }

    @Test
    void staysQuietWithAReadyEndpointOnTheTargetPort() {
        assertThat(CheckTester.run(check, Fixtures.snapshot(Fixtures.HEALTHY))).isEmpty();
    }
}
