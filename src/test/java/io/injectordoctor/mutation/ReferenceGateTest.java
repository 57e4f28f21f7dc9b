package io.injectordoctor.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.injectordoctor.decision.InjectorConfigParser;
import io.injectordoctor.mesh.RuleSet;
import org.junit.jupiter.api.Test;

/** The gate is the reference decision's Stage B; these pin the wiring and the reason shown. */
class ReferenceGateTest {
    private static final ReferenceGate KUBE_INJECT = ReferenceGate.kubeInject(RuleSet.ISTIO_1_27_PLUS);

    private static GateResult decide(InjectionGate gate, String podYaml, String namespace) throws Exception {
        ObjectNode pod = SidecarMutationTest.yaml(podYaml);
        PodTemplates.PodTarget t = PodTemplates.find(pod).orElseThrow();
        return gate.decide(t.metadata(), t.spec(), namespace);
    }

    @Test
    void securityRulesComeFirst() throws Exception {
        GateResult host = decide(KUBE_INJECT, "{kind: Pod, metadata: {annotations: {sidecar.istio.io/inject: 'true'}},"
                + " spec: {hostNetwork: true, containers: []}}", "shop");
        assertThat(host.inject()).isFalse();
        assertThat(host.reason()).contains("host network");
        GateResult system = decide(KUBE_INJECT, "{kind: Pod, spec: {containers: []}}", "kube-system");
        assertThat(system.inject()).isFalse();
        assertThat(system.reason()).contains("kube-system");
    }

    @Test
    void anExplicitChoiceIsTheReasonShown() throws Exception {
        GateResult out = decide(KUBE_INJECT, "{kind: Pod, metadata: {labels: {sidecar.istio.io/inject: 'false'}},"
                + " spec: {containers: []}}", "shop");
        assertThat(out.inject()).isFalse();
        assertThat(out.reason()).isEqualTo("The pod label sidecar.istio.io/inject=\"false\" forbids injection.");
        assertThat(decide(KUBE_INJECT, "{kind: Pod, spec: {containers: []}}", "shop").inject()).isTrue();
    }

    @Test
    void theWebhookGateAppliesTheConfigmapPolicyAndSelectors() throws Exception {
        ReferenceGate disabled = new ReferenceGate(InjectorConfigParser.parse("istio-system/istio-sidecar-injector",
                "policy: disabled\nalwaysInjectSelector:\n- matchLabels: {team: mesh}\n"), RuleSet.ISTIO_1_27_PLUS);
        GateResult plain = decide(disabled, "{kind: Pod, spec: {containers: []}}", "shop");
        assertThat(plain.inject()).isFalse();
        assertThat(plain.reason()).contains("policy is disabled");
        GateResult selected = decide(disabled, "{kind: Pod, metadata: {labels: {team: mesh}}, spec: {containers: []}}", "shop");
        assertThat(selected.inject()).isTrue();
        assertThat(selected.reason()).contains("alwaysInjectSelector");
        ReferenceGate illegal = new ReferenceGate(InjectorConfigParser.parse("cm", "policy: Enabled\n"), RuleSet.ISTIO_1_27_PLUS);
        GateResult asked = decide(illegal, "{kind: Pod, metadata: {labels: {sidecar.istio.io/inject: 'true'}},"
                + " spec: {containers: []}}", "shop");
        assertThat(asked.inject()).isFalse();
        assertThat(asked.reason()).contains("neither enabled nor disabled");
    }
}
