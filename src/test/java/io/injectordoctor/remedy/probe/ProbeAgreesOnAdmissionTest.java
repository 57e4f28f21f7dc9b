package io.injectordoctor.remedy.probe;

import io.injectordoctor.report.ProbeResult;
import static io.injectordoctor.testing.AdmissionFixtures.POD_RULES;
import static io.injectordoctor.testing.AdmissionFixtures.cluster;
import static io.injectordoctor.testing.AdmissionFixtures.hook;
import static io.injectordoctor.testing.AdmissionFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.injectordoctor.cluster.ClusterGateway;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.testing.Gateways;
import io.injectordoctor.explain.Explainer;
import io.injectordoctor.report.Explanation;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.report.ProbeResult.Outcome;
import io.injectordoctor.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code explain --probe} on the admission fixtures: the reference (from the same objects, read as
 * a snapshot) and the dry-run create sent through {@link AdmissionChainServer} agree on called,
 * not called and refused, and on the refusal's message.
 */
class ProbeAgreesOnAdmissionTest {
    static final String MATCHING = "namespaceSelector: {matchLabels: {istio-injection: enabled}}\n";
    AdmissionChainServer api;
    KubernetesClient client;
    ClusterGateway gateway;

    @BeforeEach
    void start() {
        api = new AdmissionChainServer();
        client = api.client();
        gateway = Gateways.to(api.url());
    }

    @AfterEach
    void stop() {
        gateway.close();
        client.close();
        api.close();
    }

    ProbeResult probe(String yaml, String namespace) {
        client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items()
                .forEach(o -> client.resource(o).create());
        var snapshot = Fixtures.snapshot(yaml);
        PodInfo web = snapshot.pod(namespace, "web").orElseThrow();
        Explanation.Reference r = Explainer.of(snapshot, null).explainPod(web).reference();
        return new DryRunProbe(gateway, new Random(3)).probe(ResourceKind.POD, namespace, "web",
                new ProbeReading.Reference(r.inject(), r.admission(), r.refusal() == null ? null : r.refusal().message()));
    }

    @Test
    void calledAndInjected() {
        api.chain = AdmissionChainServer.Chain.API_SERVER;
        ProbeResult p = probe(cluster("istio-sidecar-injector", hook("a.sidecar-injector.istio.io", POD_RULES + MATCHING))
                + pod("shop", "web"), "shop");

        assertThat(p.outcome()).isEqualTo(Outcome.INJECTED);
        assertThat(p.referenceAdmission()).isEqualTo("called");
        assertThat(p.agrees()).isTrue();
    }

    @Test
    void notCalled() {
        api.chain = AdmissionChainServer.Chain.PASS;
        ProbeResult p = probe(cluster("istio-sidecar-injector", hook("a.sidecar-injector.istio.io", POD_RULES + MATCHING))
                + pod("plain", "web"), "plain");

        assertThat(p.outcome()).isEqualTo(Outcome.NOT_INJECTED);
        assertThat(p.referenceAdmission()).isEqualTo("not-called");
        assertThat(p.agrees()).isTrue();
    }

    @Test
    void refusedForAnInvalidSelectorWithTheSameMessage() {
        api.chain = AdmissionChainServer.Chain.API_SERVER;
        String invalid = "namespaceSelector:\n  matchExpressions:\n  - {key: istio-injection, operator: NotIn}\n";
        ProbeResult p = probe(cluster("istio-sidecar-injector", hook("a.sidecar-injector.istio.io", POD_RULES + invalid))
                + pod("plain", "web"), "plain");

        assertThat(p.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(p.httpCode()).isEqualTo(500);
        assertThat(p.referenceAdmission()).isEqualTo("refused");
        assertThat(p.referenceRefusal()).isEqualTo(p.apiError());
        assertThat(p.agrees()).isTrue();
        assertThat(p.detail()).endsWith("as the reference predicts, with the same message");
    }

    @Test
    void refusedForAMatchConditionErrorUnderFailNamingTheProbePod() {
        String conditions = "failurePolicy: Fail\nmatchConditions:\n- {name: tier, expression: \"object.metadata.labels.tier == 'x'\"}\n";
        String yaml = cluster("istio-sidecar-injector", hook("a.sidecar-injector.istio.io", POD_RULES + MATCHING + conditions))
                + pod("shop", "web", "app", "web");
        api.chain = AdmissionChainServer.Chain.FAIL;
        api.webhookErrorCode = 403;
        // What the API server answers (webhook.go ShouldCallHook: NewForbidden(pods, name, the matcher's error)).
        api.webhookError = "pods \"{name}\" is forbidden: expression 'object.metadata.labels.tier == 'x''"
                + " resulted in error: no such key: tier";

        ProbeResult p = probe(yaml, "shop");

        assertThat(p.apiError()).startsWith("pods \"" + p.probePod() + "\" is forbidden: ");
        assertThat(p.referenceRefusal()).startsWith("pods \"web\" is forbidden: ");
        assertThat(p.agrees()).isTrue();
        assertThat(p.detail()).endsWith("with the same message");
    }

    @Test
    void aReferenceRefusalDisagreesWithAChainThatCreatesThePod() {
        api.chain = AdmissionChainServer.Chain.INJECT;
        String invalid = "objectSelector:\n  matchExpressions:\n  - {key: app, operator: Equals, values: [web]}\n";
        ProbeResult p = probe(cluster("istio-sidecar-injector", hook("a.sidecar-injector.istio.io", POD_RULES + invalid))
                + pod("shop", "web"), "shop");

        assertThat(p.outcome()).isEqualTo(Outcome.INJECTED);
        assertThat(p.referenceAdmission()).isEqualTo("refused");
        assertThat(p.agrees()).isFalse();
        assertThat(p.disagrees()).isTrue();
    }
}
