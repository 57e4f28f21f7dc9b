package io.injectordoctor.decision;

import static io.injectordoctor.testing.Fixtures.join;
import static io.injectordoctor.testing.Fixtures.modernInstall;
import static io.injectordoctor.testing.Fixtures.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.model.NamespaceInfo;
import io.injectordoctor.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stage B's last step: the templates a pod names, against those its injector has (inject.go RunTemplate). */
class TemplateRefusalTest {
    private static final String OPT_IN = join(modernInstall("default", "enabled", "docker.io/istio/pilot:1.28.0"),
            namespace("shop", "istio-injection", "enabled"));

    private static Decision decide(String yaml, Map<String, String> labels, Map<String, String> annotations) {
        ClusterSnapshot s = Fixtures.snapshot(yaml);
        Map<String, String> ns = s.namespace("shop").map(NamespaceInfo::effectiveLabels).orElseThrow();
        return ReferenceInjector.of(s, null).decide(new InjectionSubject("shop", labels, annotations, false, ""), ns);
    }

    @Test
    void anUnknownTemplateIsARefusalWithTheInjectorsWords() {
        Decision d = decide(OPT_IN, Map.of(), Map.of("inject.istio.io/templates", "gatewy"));
        assertThat(d.admission()).isEqualTo(AdmissionOutcome.REFUSED);
        assertThat(d.inject()).isFalse();
        assertThat(d.decisive().code()).isEqualTo(ReasonCode.TEMPLATE_NOT_FOUND);
        Refusal r = d.refusal();
        assertThat(r.code()).isEqualTo(ReasonCode.TEMPLATE_NOT_FOUND);
        assertThat(r.hook()).isEqualTo("istio-sidecar-injector/namespace.sidecar-injector.istio.io");
        assertThat(r.httpCode()).isEqualTo(400);
        assertThat(r.status()).isEqualTo("HTTP 400");
        assertThat(r.message()).startsWith("admission webhook \"namespace.sidecar-injector.istio.io\" denied the request: "
                + "failed to run injection template: requested template \"gatewy\" not found; have ")
                .contains("sidecar", "gateway", "waypoint", "kube-gateway");
    }

    @Test
    void theBuiltInsAndTheConfigMapsOwnTemplatesAreKnown() {
        Decision gateway = decide(OPT_IN, Map.of(), Map.of("inject.istio.io/templates", "gateway"));
        assertThat(gateway.inject()).isTrue();
        assertThat(gateway.has(ReasonCode.TEMPLATES_SELECTED)).isTrue();
        // A side note: the decisive rule is still the policy's.
        assertThat(gateway.decisive().code()).isEqualTo(ReasonCode.POLICY_ENABLED);
        String custom = OPT_IN.replace("    neverInjectSelector: []\n",
                "    neverInjectSelector: []\n    templates:\n      spire: |\n        metadata: {}\n    aliases:\n      mesh: [sidecar, spire]\n");
        assertThat(decide(custom, Map.of(), Map.of("inject.istio.io/templates", "sidecar,spire")).inject()).isTrue();
        assertThat(decide(custom, Map.of(), Map.of("inject.istio.io/templates", "mesh")).inject()).isTrue();
        assertThat(decide(OPT_IN, Map.of(), Map.of("inject.istio.io/templates", "mesh")).admission())
                .isEqualTo(AdmissionOutcome.REFUSED);
    }

    @Test
    void anEmptyAnnotationNamesATemplateNoInjectorHas() {
        Decision d = decide(OPT_IN, Map.of(), Map.of("inject.istio.io/templates", ""));
        assertThat(d.admission()).isEqualTo(AdmissionOutcome.REFUSED);
        assertThat(d.refusal().message()).contains("requested template \"\" not found");
    }

    @Test
    void aPodTheInjectorSkipsIsNeverRefusedForItsTemplates() {
        Decision d = decide(OPT_IN, Map.of(), Map.of("inject.istio.io/templates", "gatewy", "sidecar.istio.io/inject", "false"));
        assertThat(d.admission()).isEqualTo(AdmissionOutcome.CALLED);
        assertThat(d.inject()).isFalse();
        assertThat(d.refusal()).isNull();
    }

    @Test
    void istioBefore19ReadsNoTemplateAnnotation() {
        String old = OPT_IN.replace("pilot:1.28.0", "pilot:1.8.6");
        assertThat(decide(old, Map.of(), Map.of("inject.istio.io/templates", "gatewy")).inject()).isTrue();
    }
}
