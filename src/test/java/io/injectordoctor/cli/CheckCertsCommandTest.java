package io.injectordoctor.cli;

import io.injectordoctor.certs.CertIdentities;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.report.CertIdentity;
import io.injectordoctor.certs.Pki;
import io.injectordoctor.certs.TestCerts;
import io.injectordoctor.certs.TlsServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** check-certs end to end: real HTTP against KubernetesMockServer in CRUD mode, a real TLS injector. */
@EnableKubernetesMockClient(crud = true)
class CheckCertsCommandTest {
    private static final String NS = "istio-system";
    private static final String[] HOOKS = {"rev.namespace.sidecar-injector.istio.io", "rev.object.sidecar-injector.istio.io",
        "namespace.sidecar-injector.istio.io", "object.sidecar-injector.istio.io"};

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path tmp;

    private final Pki.Issued root = TestCerts.root("mesh-root");
    private final Pki.Issued other = TestCerts.root("other-root");
    private Path kubeconfig;

    @BeforeEach
    void kubeconfig() throws Exception {
        kubeconfig = tmp.resolve("kubeconfig");
        Files.writeString(kubeconfig, String.join("\n",
                "apiVersion: v1", "kind: Config", "current-context: mock",
                "clusters:", "- name: mock", "  cluster:", "    server: " + client.getMasterUrl(),
                "    insecure-skip-tls-verify: true",
                "contexts:", "- name: mock", "  context: {cluster: mock, user: mock, namespace: default}",
                "users:", "- name: mock", "  user: {token: test-token}", ""));
    }

    @Test
    void aMatchingBundleAndATrustedInjectorAreHealthy() throws Exception {
        seed(TestCerts.caBundle(root), true);
        try (TlsServer injector = new TlsServer(TestCerts.serving(root, "istiod.istio-system.svc"))) {
            Result r = run("check-certs", "--injector-address", injector.host() + ":" + injector.port());
            assertThat(r.code).as(r.all()).isZero();
            assertThat(r.out).contains("√ the mesh root certificate is found",
                    "source: configmap istio-system/istio-ca-root-cert key root-cert.pem",
                    "√ the caBundle contains the mesh root",
                    "√ the injector serves a certificate the caBundle trusts",
                    "mutatingwebhookconfiguration/istio-sidecar-injector (revision default)",
                    "-o jsonpath='{.webhooks[0].clientConfig.caBundle}' | md5sum",
                    "Status check results are √");
            assertThat(r.out).doesNotContain("×");
        }
    }

    @Test
    void aMismatchedBundleFailsWithTheApiServersErrorInTextAndJson() throws Exception {
        seed(TestCerts.caBundle(other), true);
        try (TlsServer injector = new TlsServer(TestCerts.serving(root, "istiod.istio-system.svc"))) {
            String addr = injector.host() + ":" + injector.port();
            Result text = run("check-certs", "--injector-address", addr);
            assertThat(text.code).as(text.all()).isEqualTo(ExitCode.FINDINGS);
            assertThat(text.out).contains("× the caBundle contains the mesh root",
                    "× the injector serves a certificate the caBundle trusts",
                    "x509: certificate signed by unknown authority", "pod creation fails",
                    "docs: injector-doctor docs check-certs#ca_bundle_root_missing", "Status check results are ×");

            Result json = run("check-certs", "--injector-address", addr, "-o", "json");
            assertThat(json.code).isEqualTo(ExitCode.FINDINGS);
            JsonNode doc = new ObjectMapper().readTree(json.out);
            assertThat(doc.get("success").asBoolean()).isFalse();
            assertThat(doc.at("/root/certificates/0/sha256").asText()).isEqualTo(CertIdentities.fingerprint(root.certificate()));
            JsonNode hook = doc.at("/hooks/0");
            assertThat(hook.at("/bundle/certificates/0/sha256").asText())
                    .isEqualTo(CertIdentities.fingerprint(other.certificate()));
            assertThat(hook.at("/identity/status").asText()).isEqualTo("NO_MATCH");
            assertThat(hook.at("/servedChain/status").asText()).isEqualTo("UNTRUSTED");
            assertThat(hook.at("/servedChain/apiServerError").asText()).isEqualTo("x509: certificate signed by unknown authority");
            List<String> codes = new ArrayList<>();
            doc.get("findings").forEach(f -> codes.add(f.get("code").asText()));
            assertThat(codes).contains("CA_BUNDLE_ROOT_MISSING", "SERVED_CHAIN_UNTRUSTED");
        }
    }

    @Test
    void forbiddenSecretsAreSkippedWithThePermissionAndTheRestRuns() {
        seed(TestCerts.caBundle(root), false);
        for (String secret : List.of("istio.istio-sidecar-injector-service-account", "istio-ca-secret", "cacerts")) {
            server.expect().get().withPath("/api/v1/namespaces/" + NS + "/secrets/" + secret)
                    .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden")
                            .withMessage("secrets \"" + secret + "\" is forbidden").build())
                    .always();
        }
        Result r = run("check-certs", "--no-probe");
        assertThat(r.code).as(r.all()).isZero();
        assertThat(r.out).contains("forbidden: cannot get secrets in namespace istio-system",
                "needs RBAC verb 'get' on 'secrets'", "√ the caBundle contains the mesh root",
                "- the injector serves a certificate the caBundle trusts", "--no-probe was given");
    }

    @Test
    void withoutAnAddressTheProbePortForwardsToAReadyPodAndReportsItsFailure() {
        seed(TestCerts.caBundle(root), true);
        Result r = run("check-certs", "--request-timeout", "3");
        assertThat(r.code).as(r.all()).isZero();
        assertThat(r.out).contains("‼ the injector serves a certificate the caBundle trusts",
                "pod istio-system/istiod-abc:15017", "the served chain was not verified");
    }

    @Test
    void aConfigurationWithoutItsRevisionLabelIsAWarning() {
        seed(TestCerts.caBundle(root), false);
        client.admissionRegistration().v1().mutatingWebhookConfigurations().withName("istio-sidecar-injector")
                .edit(m -> new MutatingWebhookConfigurationBuilder(m).editMetadata().withLabels(Map.of("app", "x"))
                        .endMetadata().build());
        Result r = run("check-certs", "--no-probe");
        assertThat(r.code).as(r.all()).isZero();
        assertThat(r.out).contains("‼ istiod keeps the caBundle up to date", "istiod never patches");
    }

    @Test
    void aSnapshotIsCheckedWithoutAProbe() throws Exception {
        Path dump = tmp.resolve("dump.yaml");
        Files.writeString(dump, String.join("\n",
                "apiVersion: admissionregistration.k8s.io/v1", "kind: MutatingWebhookConfiguration",
                "metadata: {name: istio-sidecar-injector, labels: {istio.io/rev: default}}", "webhooks:",
                "- name: sidecar-injector.istio.io",
                "  clientConfig: {service: {name: istiod, namespace: istio-system, path: /inject, port: 443}, caBundle: \"\"}",
                "  failurePolicy: Fail", "---", "apiVersion: v1", "kind: ConfigMap",
                "metadata: {name: istio-ca-root-cert, namespace: istio-system}", "data:",
                "  root-cert.pem: |", root.certificatePem().indent(4).stripTrailing(), ""));
        Result r = run("check-certs", "--snapshot", dump.toString());
        assertThat(r.code).as(r.all()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out).contains("× the caBundle holds usable certificates", "the caBundle is empty",
                "x509: certificate signed by unknown authority", "comes from a snapshot");
    }

    @Test
    void forbiddenWebhookConfigurationsStopWithExit77() {
        server.expect().get().withPath("/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations?limit=500")
                .andReturn(403, new StatusBuilder().withCode(403).withMessage("forbidden").build()).always();
        Result r = run("check-certs", "--no-probe");
        assertThat(r.code).as(r.all()).isEqualTo(ExitCode.NOPERM);
        assertThat(r.err).contains("error: forbidden: cannot list mutatingwebhookconfigurations");
    }

    @Test
    void badOptionsAreUsageOrDataErrors() {
        assertThat(run("check-certs", "--injector-address", "nohostport").code).isEqualTo(ExitCode.USAGE);
        assertThat(run("check-certs", "--expiry-warning", "soon").code).isEqualTo(ExitCode.USAGE);
        Result missing = run("check-certs", "--root-cert", tmp.resolve("nope.pem").toString());
        assertThat(missing.code).isEqualTo(ExitCode.DATA);
        assertThat(missing.err).contains("no such file");
    }

    @Test
    void aRootCertFileOverridesTheCluster() throws Exception {
        seed(TestCerts.caBundle(root), false);
        Path file = tmp.resolve("other.pem");
        Files.writeString(file, other.certificatePem());
        Result r = run("check-certs", "--no-probe", "--root-cert", file.toString());
        assertThat(r.code).as(r.all()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out).contains("source: file " + file + " (--root-cert)", "× the caBundle contains the mesh root");
    }

    @Test
    void helpHasExamples() {
        Result r = run("check-certs", "--help");
        assertThat(r.code).isZero();
        assertThat(r.out).contains("Examples:", "--injector-address", "--expiry-warning");
    }

    private void seed(String caBundle, boolean readyPod) {
        List<MutatingWebhook> hooks = new ArrayList<>();
        for (String h : HOOKS) {
            hooks.add(new MutatingWebhookBuilder().withName(h).withNewClientConfig().withCaBundle(caBundle)
                    .withNewService().withName("istiod").withNamespace(NS).withPath("/inject").withPort(443).endService()
                    .endClientConfig().withFailurePolicy("Fail").withSideEffects("None")
                    .withAdmissionReviewVersions("v1").build());
        }
        client.admissionRegistration().v1().mutatingWebhookConfigurations().resource(
                new MutatingWebhookConfigurationBuilder().withNewMetadata().withName("istio-sidecar-injector")
                        .withLabels(Map.of("istio.io/rev", "default")).endMetadata().withWebhooks(hooks).build()).create();
        client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata()
                .withName("istio-ca-root-cert").withNamespace(NS).endMetadata()
                .withData(Map.of("root-cert.pem", root.certificatePem())).build()).create();
        client.services().inNamespace(NS).resource(new ServiceBuilder().withNewMetadata().withName("istiod")
                .withNamespace(NS).endMetadata().withNewSpec().addNewPort().withName("https-webhook").withPort(443)
                .withNewTargetPort(15017).endPort().endSpec().build()).create();
        if (readyPod) {
            client.endpoints().inNamespace(NS).resource(new EndpointsBuilder().withNewMetadata().withName("istiod")
                    .withNamespace(NS).endMetadata().addNewSubset().addNewAddress().withIp("10.0.0.7")
                    .withNewTargetRef().withKind("Pod").withName("istiod-abc").withNamespace(NS).endTargetRef()
                    .endAddress().addNewPort().withName("https-webhook").withPort(15017).endPort().endSubset().build())
                    .create();
        }
    }

    private Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--snapshot")) {
            all.add("--kubeconfig");
            all.add(kubeconfig.toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = cli(new PrintWriter(out), new PrintWriter(err)).execute(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    /** The root command as Main builds it, with check-certs added until RootCommand lists it. */
    private static CommandLine cli(PrintWriter out, PrintWriter err) {
        CommandLine cl = Main.commandLine(out, err);
        if (!cl.getSubcommands().containsKey("check-certs")) {
            cl.addSubcommand(new CheckCertsCommand());
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            if (ex instanceof DoctorException de) {
                err.println("error: " + de.getMessage());
                err.flush();
                return de.exitCode();
            }
            throw ex;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("error: " + ex.getMessage());
            err.flush();
            return ExitCode.USAGE;
        });
        return cl;
    }

    private record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }
}
