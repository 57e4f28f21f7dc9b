package io.injectordoctor.remedy.probe;

import io.injectordoctor.report.ProbeResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.injectordoctor.cluster.ClusterGateway;
import io.injectordoctor.testing.Gateways;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.report.ProbeResult.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DryRunProbeTest {
    static final String NS = "shop";
    static final String POD = "web-7d9f8c6b5d-x2k4z";
    static final String X509 = "Internal error occurred: failed calling webhook \"namespace.sidecar-injector.istio.io\":"
            + " failed to call webhook: Post \"https://istiod.istio-system.svc:443/inject?timeout=10s\": tls: failed to"
            + " verify certificate: x509: certificate signed by unknown authority";
    static final String PREVIOUS_STATUS = "{\"initContainers\":[\"istio-init\"],\"containers\":[\"istio-proxy\"],"
            + "\"volumes\":[\"istio-envoy\"],\"imagePullSecrets\":null,\"revision\":\"default\"}";

    AdmissionChainServer api;
    KubernetesClient client;
    ClusterGateway gateway;
    int podsBefore;

    @BeforeEach
    void start() {
        api = new AdmissionChainServer();
        client = api.client();
        gateway = Gateways.to(api.url());
        client.admissionRegistration().v1().mutatingWebhookConfigurations().resource(istioHooks()).create();
        client.pods().inNamespace(NS).resource(injectedPod()).create();
        client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("other").endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec().build()).create();
        client.apps().deployments().inNamespace(NS).resource(new DeploymentBuilder().withNewMetadata().withName("reviews")
                .endMetadata().withNewSpec().withNewSelector().addToMatchLabels("app", "reviews").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "reviews").addToLabels("sidecar.istio.io/inject", "true")
                .endMetadata().withNewSpec().addNewContainer().withName("reviews").withImage("reviews:v1").endContainer()
                .endSpec().endTemplate().endSpec().build()).create();
        podsBefore = podCount();
        api.startRecording();
    }

    @AfterEach
    void stop() {
        assertThat(podCount()).as("pods stored").isEqualTo(podsBefore);
        for (AdmissionChainServer.Request r : api.requests()) {
            if (r.podCreate()) {
                assertThat(r.path()).as("every pod create is a dry run").contains("dryRun=All");
            }
            assertThat(r.method()).as("only reads, access reviews and dry runs").isIn("GET", "POST");
        }
        client.close();
        gateway.close();
        api.close();
    }

    int podCount() {
        return client.pods().inAnyNamespace().list().getItems().size();
    }

    ProbeResult probe(ResourceKind kind, String name, Boolean reference) {
        return new DryRunProbe(gateway, new Random(7)).probe(kind, NS, name, reference);
    }

    List<JsonNode> sentPods() {
        List<JsonNode> out = new ArrayList<>();
        api.requests().stream().filter(AdmissionChainServer.Request::podCreate).forEach(r -> out.add(r.json()));
        return out;
    }

    @Test
    void injectedWhenTheChainAddsTheProxyAndAgreesWithAnInjectVerdict() {
        api.chain = AdmissionChainServer.Chain.INJECT;

        ProbeResult r = probe(ResourceKind.POD, POD, true);

        assertThat(r.outcome()).isEqualTo(Outcome.INJECTED);
        assertThat(r.containersAdded()).containsExactly("istio-proxy");
        assertThat(r.initContainersAdded()).containsExactly("istio-init");
        assertThat(r.volumesAdded()).containsExactly("istio-envoy", "istiod-ca-cert");
        assertThat(r.statusAnnotation()).isTrue();
        assertThat(r.nativeSidecar()).isFalse();
        assertThat(r.agrees()).isTrue();
        assertThat(r.subject()).isEqualTo("pod/" + POD);
        assertThat(r.orThrow()).isSameAs(r);
        assertThat(sentPods()).hasSize(1);
    }

    @Test
    void theProbePodIsTheOriginalUnderAFreshNameWithoutThePreviousInjection() {
        ProbeResult r = probe(ResourceKind.POD, POD, true);

        JsonNode sent = sentPods().get(0);
        JsonNode meta = sent.path("metadata");
        assertThat(meta.path("name").asText()).isEqualTo(r.probePod()).matches(POD + "-idprobe-[bcdfghjklmnpqrstvwxz2456789]{5}");
        assertThat(meta.path("namespace").asText()).isEqualTo(NS);
        for (String gone : List.of("ownerReferences", "uid", "resourceVersion", "creationTimestamp", "managedFields",
                "generateName")) {
            assertThat(meta.has(gone)).as(gone).isFalse();
        }
        assertThat(sent.has("status")).isFalse();
        assertThat(sent.path("spec").has("nodeName")).isFalse();
        assertThat(meta.path("labels").path("app").asText()).isEqualTo("web");
        assertThat(meta.path("annotations").path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(meta.path("annotations").has(ProbePods.STATUS_ANNOTATION)).isFalse();
        assertThat(sent.path("spec").path("containers").findValuesAsText("name")).containsExactly("web");
        assertThat(sent.path("spec").path("initContainers").findValuesAsText("name")).containsExactly("setup");
        assertThat(sent.path("spec").path("volumes").findValuesAsText("name")).containsExactly("data");
        // The original is untouched.
        Pod original = client.pods().inNamespace(NS).withName(POD).get();
        assertThat(original.getSpec().getContainers()).extracting("name").containsExactly("web", "istio-proxy");
    }

    @Test
    void nativeSidecarComesBackAsAnInitContainer() {
        api.chain = AdmissionChainServer.Chain.INJECT_NATIVE;

        ProbeResult r = probe(ResourceKind.POD, POD, true);

        assertThat(r.outcome()).isEqualTo(Outcome.INJECTED);
        assertThat(r.nativeSidecar()).isTrue();
        assertThat(r.containersAdded()).isEmpty();
        assertThat(r.initContainersAdded()).containsExactly("istio-init", "istio-proxy");
    }

    @Test
    void notInjectedAgreesWithANoInjectionVerdictAndDisagreesWithAnInjectOne() {
        api.chain = AdmissionChainServer.Chain.PASS;

        DryRunProbe probe = new DryRunProbe(gateway, new Random(7));
        ProbeResult agree = probe.probe(ResourceKind.POD, NS, POD, false);
        ProbeResult disagree = probe.probe(ResourceKind.POD, NS, POD, true);

        assertThat(agree.outcome()).isEqualTo(Outcome.NOT_INJECTED);
        assertThat(agree.containersAdded()).isEmpty();
        assertThat(agree.statusAnnotation()).isFalse();
        assertThat(agree.agrees()).isTrue();
        assertThat(disagree.outcome()).isEqualTo(Outcome.NOT_INJECTED);
        assertThat(disagree.agrees()).isFalse();
        assertThat(sentPods()).hasSize(2);
        assertThat(sentPods().get(0).path("metadata").path("name").asText())
                .isNotEqualTo(sentPods().get(1).path("metadata").path("name").asText());
    }

    @Test
    void rejectionShowsTheApiServersMessageVerbatim() {
        api.chain = AdmissionChainServer.Chain.FAIL;
        api.webhookError = X509;

        ProbeResult r = probe(ResourceKind.POD, POD, true);

        assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(r.apiError()).isEqualTo(X509);
        assertThat(r.httpCode()).isEqualTo(500);
        assertThat(r.detail()).contains("would refuse to create this pod").contains("a webhook could not be called");
        assertThat(r.agrees()).isFalse();
        assertThat(sentPods()).as("sent once, not retried").hasSize(1);
    }

    @Test
    void aWebhookThatDeniesWith403IsARejectionNotAPermissionProblem() {
        api.chain = AdmissionChainServer.Chain.FAIL;
        api.webhookErrorCode = 403;
        api.webhookError = "admission webhook \"validation.gatekeeper.sh\" denied the request: [no-privileged] not allowed";

        ProbeResult r = probe(ResourceKind.POD, POD, false);

        assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(r.httpCode()).isEqualTo(403);
        assertThat(r.detail()).endsWith(": a webhook denied it");
        assertThat(r.apiError()).isEqualTo(api.webhookError);
    }

    @Test
    void anRbacRefusalOfTheCreateIsExit77() {
        api.chain = AdmissionChainServer.Chain.FAIL;
        api.webhookErrorCode = 403;
        api.webhookError = "pods is forbidden: User \"dev\" cannot create resource \"pods\" in API group \"\" in the"
                + " namespace \"shop\"";

        assertThatThrownBy(() -> probe(ResourceKind.POD, POD, true)).isInstanceOfSatisfying(DoctorException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.NOPERM);
            assertThat(e.getMessage()).contains("cannot create pods in namespace shop");
        });
    }

    @Test
    void refusedWhenAnyHookForPodCreateHasSideEffects() {
        client.admissionRegistration().v1().mutatingWebhookConfigurations().resource(hook("audit-recorder",
                "record.audit.example.com", "Some", "pods")).create();
        client.admissionRegistration().v1().mutatingWebhookConfigurations().resource(hook("deploy-stamper",
                "stamp.example.com", "Unknown", "deployments")).create();
        api.startRecording();

        ProbeResult r = probe(ResourceKind.POD, POD, true);

        assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.blockingHooks()).containsExactly("audit-recorder/record.audit.example.com (sideEffects: Some)");
        assertThat(r.detail()).contains("audit-recorder/record.audit.example.com").doesNotContain("deploy-stamper");
        assertThat(r.probePod()).isNull();
        assertThat(api.requests()).noneMatch(AdmissionChainServer.Request::podCreate);
        assertThatThrownBy(r::orThrow).isInstanceOfSatisfying(DoctorException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).contains("sideEffects: Some");
        });
    }

    @Test
    void noneOnDryRunIsSafe() {
        client.admissionRegistration().v1().mutatingWebhookConfigurations().resource(hook("careful",
                "careful.example.com", "NoneOnDryRun", "*")).create();

        assertThat(probe(ResourceKind.POD, POD, true).outcome()).isEqualTo(Outcome.INJECTED);
    }

    @Test
    void refusedWhenCreatingPodsIsNotAllowed() {
        api.allowCreatePods = false;

        ProbeResult r = probe(ResourceKind.POD, POD, true);

        assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(r.exitCode()).isEqualTo(ExitCode.NOPERM);
        assertThat(r.detail()).contains("cannot create pods in namespace shop").contains("'create' on 'pods'");
        assertThat(api.requests()).noneMatch(AdmissionChainServer.Request::podCreate);
        JsonNode review = api.requests().get(0).json().path("spec").path("resourceAttributes");
        assertThat(review.path("verb").asText()).isEqualTo("create");
        assertThat(review.path("resource").asText()).isEqualTo("pods");
        assertThat(review.path("namespace").asText()).isEqualTo(NS);
        assertThatThrownBy(r::orThrow).isInstanceOfSatisfying(DoctorException.class,
                e -> assertThat(e.exitCode()).isEqualTo(ExitCode.NOPERM));
    }

    @Test
    void aDeploymentIsProbedThroughItsPodTemplate() {
        ProbeResult r = probe(ResourceKind.DEPLOYMENT, "reviews", true);

        assertThat(r.outcome()).isEqualTo(Outcome.INJECTED);
        assertThat(r.subject()).isEqualTo("deployment/reviews");
        JsonNode sent = sentPods().get(0);
        assertThat(sent.path("kind").asText()).isEqualTo("Pod");
        assertThat(sent.path("metadata").path("name").asText()).startsWith("reviews-idprobe-");
        assertThat(sent.path("metadata").path("namespace").asText()).isEqualTo(NS);
        assertThat(sent.path("metadata").path("labels").path("sidecar.istio.io/inject").asText()).isEqualTo("true");
        assertThat(sent.path("spec").path("containers").findValuesAsText("name")).containsExactly("reviews");
    }

    @Test
    void anUnknownSubjectIsAUsageErrorAndSendsNothing() {
        assertThatThrownBy(() -> probe(ResourceKind.POD, "nope", true)).isInstanceOfSatisfying(DoctorException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).isEqualTo("pod shop/nope not found");
        });
        assertThat(api.requests()).noneMatch(AdmissionChainServer.Request::podCreate);
    }

    /** A timeout, a proxy's error page or garbage is not the API server's verdict: exit 69, never "would refuse". */
    @Test
    void anAnswerThatIsNotTheApiServersIsAnIncompleteProbe() {
        for (AdmissionChainServer.Chain c : List.of(AdmissionChainServer.Chain.SLOW, AdmissionChainServer.Chain.PROXY_PAGE,
                AdmissionChainServer.Chain.GARBAGE)) {
            api.chain = c;
            try (ClusterGateway quick = io.injectordoctor.cluster.ClusterGateway.open(io.injectordoctor.cluster.ClusterConfig
                    .plain(java.net.URI.create(api.url()), "default", java.time.Duration.ofSeconds(1)))) {
                assertThatThrownBy(() -> new DryRunProbe(quick, new Random(7)).probe(ResourceKind.POD, NS, POD, true))
                        .as(c.name()).isInstanceOfSatisfying(DoctorException.class, e -> {
                            assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
                            assertThat(e.getMessage()).startsWith("the probe could not be completed: the dry-run create of pod/"
                                    + POD + " in shop got ").doesNotContain("would refuse");
                        });
            }
        }
        assertThat(sentPods()).hasSize(3);
    }

    static Pod injectedPod() {
        return new PodBuilder().withNewMetadata().withName(POD).withNamespace(NS).addToLabels("app", "web")
                .addToLabels("pod-template-hash", "7d9f8c6b5d").withGenerateName("web-7d9f8c6b5d-")
                .addToAnnotations(ProbePods.STATUS_ANNOTATION, PREVIOUS_STATUS).addToAnnotations("prometheus.io/scrape", "true")
                .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName("web-7d9f8c6b5d")
                .withUid("5e1d").withController(true).endOwnerReference().endMetadata()
                .withNewSpec().withNodeName("node-1")
                .addNewInitContainer().withName("setup").withImage("busybox").endInitContainer()
                .addNewInitContainer().withName("istio-init").withImage("proxyv2").endInitContainer()
                .addNewContainer().withName("web").withImage("web:1").endContainer()
                .addNewContainer().withName("istio-proxy").withImage("proxyv2").endContainer()
                .addNewVolume().withName("data").withNewEmptyDir().endEmptyDir().endVolume()
                .addNewVolume().withName("istio-envoy").withNewEmptyDir().endEmptyDir().endVolume()
                .endSpec().withNewStatus().withPhase("Running").endStatus().build();
    }

    static MutatingWebhookConfiguration istioHooks() {
        return hook("istio-sidecar-injector", "namespace.sidecar-injector.istio.io", "None", "pods");
    }

    static MutatingWebhookConfiguration hook(String config, String name, String sideEffects, String resource) {
        return new MutatingWebhookConfigurationBuilder().withNewMetadata().withName(config).endMetadata()
                .addNewWebhook().withName(name).withSideEffects(sideEffects).withAdmissionReviewVersions("v1")
                .withNewClientConfig().withNewService().withName("svc").withNamespace("x").withPath("/m").endService()
                .endClientConfig()
                .addNewRule().withOperations("CREATE").withApiGroups(resource.equals("deployments") ? "apps" : "")
                .withApiVersions("v1").withResources(resource).endRule().endWebhook().build();
    }
}
