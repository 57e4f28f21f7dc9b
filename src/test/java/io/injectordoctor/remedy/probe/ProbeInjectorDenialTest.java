package io.injectordoctor.remedy.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.injectordoctor.report.ProbeResult;
import org.junit.jupiter.api.Test;

/** The live chain's denial by the injector is classified as check classifies the events, and held against the reference. */
class ProbeInjectorDenialTest {
    private static final String DENIED = "admission webhook \"namespace.sidecar-injector.istio.io\" denied the request: "
            + "failed to run injection template: requested template \"gatewy\" not found; have waypoint, sidecar, gateway";

    private static JsonNode sent() throws Exception {
        return new ObjectMapper().readTree("{\"metadata\":{\"name\":\"gw-idprobe-x7k2p\",\"namespace\":\"edge\"}}");
    }

    @Test
    void anUnknownTemplateIsClassifiedAndAgreesWithThePredictedRefusalWhateverTheOrderOfTheList() throws Exception {
        String predicted = "admission webhook \"namespace.sidecar-injector.istio.io\" denied the request: "
                + "failed to run injection template: requested template \"gatewy\" not found; have gateway, sidecar, waypoint";
        ProbeResult r = ProbeReading.rejected("deployment/gw", sent(), 400, DENIED,
                new ProbeReading.Reference(false, "refused", predicted));
        assertThat(r.cause()).isEqualTo("template-not-found");
        assertThat(r.agrees()).isTrue();
        assertThat(r.detail()).contains("a webhook denied it", "cause: the pod names an injection template",
                "as the reference predicts, with the same message");
    }

    @Test
    void aDenialTheReferenceDidNotPredictDisagreesAndKeepsItsClass() throws Exception {
        ProbeResult r = ProbeReading.rejected("deployment/gw", sent(), 400, "admission webhook \"namespace.sidecar-injector"
                + ".istio.io\" denied the request: failed to run injection template: template: inject:20:15: executing "
                + "\"inject\" at <.ProxyImage>: can't evaluate field ProxyImage", new ProbeReading.Reference(true, "called", null));
        assertThat(r.cause()).isEqualTo("template-failed");
        assertThat(r.disagrees()).isTrue();
        assertThat(ProbeReading.rejected("pod/x", sent(), 403, "pods \"x\" is forbidden: quota",
                new ProbeReading.Reference(true, "called", null)).cause()).isNull();
    }
}
