package io.injectordoctor.checks.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.report.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The injector's own refusals, and the rejection of its native sidecar, are classified as such, never "other". */
class InjectorDenialsTest {
    @Test
    void eachDenialByTheInjectorHasItsClassAndItsPage() {
        List<Finding> f = CheckTester.run(new AdmissionFailureEvents(), Fixtures.healthyWith("ID0901/fires-injector.yaml"));
        // Sorted as the check sorts events: by namespace, then the object's name.
        assertThat(f).extracting(x -> x.evidence().get("cause")).containsExactly("invalid-annotation",
                "native-sidecar-unsupported", "template-not-found", "template-failed");
        assertThat(f).allSatisfy(x -> {
            assertThat((String) x.evidence().get("doc")).startsWith("docs/webhook-errors.md#");
            assertThat(x.message()).contains("See: injector-doctor docs webhook-errors#" + x.evidence().get("cause"));
        });
        assertThat(f.get(2).message()).contains("denied by the injector behind webhook namespace.sidecar-injector.istio.io");
        assertThat(f.get(1).evidence().get("webhook")).isNull();
        assertThat(f.get(1).message()).contains("rejected by the API server's validation of the injected pod");
    }

    @Test
    void aStuckReplicaSetIsClassifiedTheSameWay() {
        assertThat(CheckTester.run(new ReplicaSetReplicaFailure(), Fixtures.healthyWith("ID0902/fires-injector.yaml")))
                .singleElement().satisfies(x -> assertThat(x.evidence()).containsEntry("cause", "template-not-found"));
    }

    @Test
    void aRestartableInitContainerOfAWorkloadTheInjectorDoesNotServeIsNotIstios() {
        assertThat(CheckTester.run(new AdmissionFailureEvents(), Fixtures.healthyWith("ID0901/dont-fire-other-sidecar.yaml")))
                .isEmpty();
    }

    @Test
    void aYamlErrorThatSaysEofIsStillTheAnnotationsFault() {
        assertThat(AdmissionError.classify("admission webhook \"x.sidecar-injector.istio.io\" denied the request: failed to run "
                + "injection template: 1 error occurred:\n\t* invalid value 'a: [' for annotation 'proxy.istio.io/config': "
                + "failed to convert to apply proxy config: yaml: line 1: unexpected EOF"))
                .isEqualTo(AdmissionError.INVALID_ANNOTATION);
        assertThat(AdmissionError.classify("failed calling webhook \"x.istio.io\": Post ...: EOF")).isEqualTo(AdmissionError.EOF);
    }
}
