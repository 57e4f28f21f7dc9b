package io.injectordoctor.certs;

import io.injectordoctor.report.CertReport;
import io.injectordoctor.report.IdentityVerdict;
import io.injectordoctor.report.ServedChainVerdict;
import io.injectordoctor.report.CertFinding;
import io.injectordoctor.report.ProbeTarget;
import io.injectordoctor.render.CertCheck;
import io.injectordoctor.mesh.IstioLayout;
import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.model.WebhookConfiguration;
import io.injectordoctor.render.Structured;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CertDiagnosisTest {
    private static final Duration WINDOW = Duration.ofDays(30);
    private final Pki.Issued root = TestCerts.root("mesh-root");
    private final Pki.Issued other = TestCerts.root("other-root");

    @Test
    void aMatchingBundleWithATrustedInjectorHasNoProblem() throws Exception {
        ClusterSnapshot s = TestCluster.snapshot().webhookConfiguration(TestCluster.istiod(TestCerts.caBundle(root)))
                .configMap(TestCluster.rootConfigMap(root.certificatePem())).build();
        CertReport r;
        try (TlsServer server = new TlsServer(TestCerts.serving(root, "istiod.istio-system.svc"))) {
            r = analyze(s, probe(s, server));
        }
        assertThat(r.root().source()).isEqualTo("configmap istio-system/istio-ca-root-cert key root-cert.pem");
        assertThat(r.hooks()).hasSize(4).allSatisfy(h -> {
            assertThat(h.identity().status()).isEqualTo(IdentityVerdict.Status.MATCH);
            assertThat(h.identity().runbookDigestsEqual()).isTrue();
            assertThat(h.servedChain().status()).isEqualTo(ServedChainVerdict.Status.OK);
            assertThat(h.revision()).isEqualTo("default");
        });
        assertThat(r.hooks()).extracting(h -> h.bundle().runbookDigest().command()).contains(
                "kubectl get mutatingwebhookconfiguration istio-sidecar-injector"
                        + " -o jsonpath='{.webhooks[2].clientConfig.caBundle}' | md5sum");
        assertThat(r.findings()).isEmpty();
        assertThat(r.failed()).isFalse();
    }

    @Test
    void aMismatchedBundleIsAnErrorThatNamesTheApiServersErrorAndTheConsequence() throws Exception {
        ClusterSnapshot s = TestCluster.snapshot().webhookConfiguration(TestCluster.istiod(TestCerts.caBundle(other)))
                .configMap(TestCluster.rootConfigMap(root.certificatePem())).build();
        CertReport r;
        try (TlsServer server = new TlsServer(TestCerts.serving(root, "istiod.istio-system.svc"))) {
            r = analyze(s, probe(s, server));
        }
        assertThat(r.failed()).isTrue();
        assertThat(codes(r)).containsExactly("CA_BUNDLE_ROOT_MISSING", "SERVED_CHAIN_UNTRUSTED");
        assertThat(r.findings()).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(CertFinding.Severity.ERROR);
            assertThat(f.subject()).isEqualTo("mutatingwebhookconfiguration/istio-sidecar-injector (all 4 injection hooks)");
            assertThat(f.message()).contains("x509: certificate signed by unknown authority")
                    .contains("pod creation fails").contains("failurePolicy is Fail");
            assertThat(f.remediation()).contains("restart-injector command (--revision").doesNotContain("rollout restart");
        });
        assertThat(r.hooks().get(0).identity().status()).isEqualTo(IdentityVerdict.Status.NO_MATCH);
    }

    @Test
    void emptyAndGarbageBundlesAreErrors() {
        assertThat(codes(analyze(withBundle(""), Map.of()))).contains("CA_BUNDLE_EMPTY");
        CertFinding empty = analyze(withBundle(""), Map.of()).findings().get(0);
        assertThat(empty.message()).contains("x509: certificate signed by unknown authority");
        assertThat(codes(analyze(withBundle("%%% not base64 %%%"), Map.of()))).contains("CA_BUNDLE_NOT_BASE64");
        assertThat(codes(analyze(withBundle(b64("garbage bytes")), Map.of()))).contains("CA_BUNDLE_NOT_PEM");
        CertReport key = analyze(withBundle(b64(root.keyPem())), Map.of());
        assertThat(codes(key)).contains("CA_BUNDLE_NO_CERTIFICATE", "CA_BUNDLE_HOLDS_PRIVATE_KEY");
        assertThat(Structured.json(key)).doesNotContain(root.keyPem().lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void aWhitespaceOnlyDifferenceIsInformationNotAnError() {
        String crlf = b64(root.certificatePem().replace("\n", "\r\n"));
        CertReport r = analyze(withBundle(crlf), Map.of());
        assertThat(r.failed()).isFalse();
        assertThat(codes(r)).contains("CA_BUNDLE_LAYOUT_DIFFERS");
        assertThat(r.hooks().get(0).identity().runbookDigestsEqual()).isFalse();
    }

    @Test
    void aBundleWithTwoRootsOneRightIsNotAnError() {
        CertReport r = analyze(withBundle(TestCerts.caBundle(other, root)), Map.of());
        assertThat(r.failed()).isFalse();
        assertThat(codes(r)).contains("CA_BUNDLE_EXTRA_CERTS");
    }

    @Test
    void expiredAndExpiringCertificatesAreReported() {
        Instant now = Instant.now();
        Pki.Issued expired = Pki.root("old-root", now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35)));
        Pki.Issued expiring = Pki.root("mesh-root", now.minus(Duration.ofDays(300)), now.plus(Duration.ofDays(12)));
        ClusterSnapshot s = TestCluster.snapshot()
                .webhookConfiguration(TestCluster.istiod(TestCerts.caBundle(expired, expiring)))
                .configMap(TestCluster.rootConfigMap(expiring.certificatePem())).build();
        CertReport r = analyze(s, Map.of());
        assertThat(r.findings()).extracting(CertFinding::code, CertFinding::severity).contains(
                org.assertj.core.groups.Tuple.tuple("ROOT_CERT_EXPIRING", CertFinding.Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple("CA_BUNDLE_CERT_EXPIRED", CertFinding.Severity.WARNING));
        assertThat(r.failed()).isFalse();
    }

    @Test
    void aConfigurationWithoutTheRevisionLabelIsNeverPatchedByIstiod() {
        WebhookConfiguration unlabelled = TestCluster.istiod(TestCerts.caBundle(root), Map.of("app", "sidecar-injector"));
        CertReport r = analyze(TestCluster.snapshot().webhookConfiguration(unlabelled)
                .configMap(TestCluster.rootConfigMap(root.certificatePem())).build(), Map.of());
        CertFinding f = finding(r, "WEBHOOK_NOT_PATCHED_BY_ISTIOD");
        assertThat(f.severity()).isEqualTo(CertFinding.Severity.WARNING);
        assertThat(f.message()).contains("istiod never patches").contains("x509: certificate signed by unknown authority");
    }

    @Test
    void theLegacyLayoutUsesTheInjectorSecretAndIsPatchedByName() {
        ClusterSnapshot s = TestCluster.snapshot().webhookConfiguration(TestCluster.legacy(TestCerts.caBundle(other)))
                .secret(TestCluster.secret(IstioLayout.LEGACY_SECRET, "root-cert.pem", root.certificatePem())).build();
        CertReport r = analyze(s, Map.of());
        assertThat(r.root().source()).contains(IstioLayout.LEGACY_SECRET);
        assertThat(finding(r, "WEBHOOK_NOT_PATCHED_BY_ISTIOD").severity()).isEqualTo(CertFinding.Severity.INFO);
        CertFinding missing = finding(r, "CA_BUNDLE_ROOT_MISSING");
        assertThat(missing.severity()).isEqualTo(CertFinding.Severity.ERROR);
        assertThat(missing.remediation()).contains("istio-sidecar-injector deployment").contains("restart-injector")
                .contains("-o jsonpath='{.data.root-cert\\.pem}' | md5sum");
    }

    @Test
    void forbiddenSecretsAreSkippedWithTheReasonAndTheRestStillRuns() {
        ClusterSnapshot s = ClusterSnapshot.builder().loaded(ResourceKind.CONFIGMAP)
                .unreadable(ResourceKind.SECRET, "forbidden: User \"dev\" cannot list secrets in istio-system")
                .webhookConfiguration(TestCluster.istiod(TestCerts.caBundle(other)))
                .configMap(TestCluster.rootConfigMap(root.certificatePem())).build();
        CertReport r = analyze(s, Map.of());
        assertThat(finding(r, "ROOT_SOURCES_SKIPPED").severity()).isEqualTo(CertFinding.Severity.INFO);
        assertThat(finding(r, "ROOT_SOURCES_SKIPPED").message()).contains("cannot list secrets");
        assertThat(codes(r)).contains("CA_BUNDLE_ROOT_MISSING");

        ClusterSnapshot noRoot = ClusterSnapshot.builder().loaded(ResourceKind.CONFIGMAP)
                .unreadable(ResourceKind.SECRET, "forbidden").webhookConfiguration(TestCluster.istiod(TestCerts.caBundle(other)))
                .build();
        CertReport r2 = analyze(noRoot, Map.of());
        assertThat(finding(r2, "ROOT_SOURCES_SKIPPED").severity()).isEqualTo(CertFinding.Severity.WARNING);
        assertThat(codes(r2)).contains("ROOT_NOT_FOUND").doesNotContain("CA_BUNDLE_ROOT_MISSING");
        assertThat(r2.hooks().get(0).identity().status()).isEqualTo(IdentityVerdict.Status.ROOT_UNKNOWN);
    }

    @Test
    void failurePolicyIgnoreMeansPodsComeUpWithoutTheSidecar() {
        WebhookConfiguration c = new WebhookConfiguration("admissionregistration.k8s.io/v1",
                TestCluster.istiod("").meta(),
                List.of(TestCluster.hook("namespace.sidecar-injector.istio.io", "istiod", "", "Ignore")));
        CertReport r = analyze(TestCluster.snapshot().webhookConfiguration(c)
                .configMap(TestCluster.rootConfigMap(root.certificatePem())).build(), Map.of());
        assertThat(finding(r, "CA_BUNDLE_EMPTY").message()).contains("pods are created without the sidecar");
    }

    @Test
    void noInjectionHookIsSaidSo() {
        CertReport r = analyze(TestCluster.snapshot().configMap(TestCluster.rootConfigMap(root.certificatePem())).build(),
                Map.of());
        assertThat(codes(r)).containsExactly("NO_INJECTION_WEBHOOK");
    }

    @Test
    void theJsonCarriesEveryFingerprintSourceAndVerdict() {
        CertReport r = analyze(withBundle(TestCerts.caBundle(other, root)), Map.of());
        String json = Structured.json(r);
        assertThat(json).contains(CertIdentities.fingerprint(root.certificate()), CertIdentities.fingerprint(other.certificate()),
                "\"source\" : \"configmap istio-system/istio-ca-root-cert key root-cert.pem\"", "\"MATCH_WITH_EXTRA\"",
                "\"NOT_PROBED\"", "\"md5\"", "\"attempts\"");
    }

    private ClusterSnapshot withBundle(String caBundle) {
        return TestCluster.snapshot().webhookConfiguration(TestCluster.istiod(caBundle))
                .configMap(TestCluster.rootConfigMap(root.certificatePem())).build();
    }

    private static Map<ProbeTarget, ProbeOutcome> probe(ClusterSnapshot s, TlsServer server) {
        ProbeTarget t = CertDiagnosis.probeTargets(s).iterator().next();
        assertThat(CertDiagnosis.probeTargets(s)).hasSize(1);
        return Map.of(t, TlsProbe.probe(server.host(), server.port(), t.dnsName(), Duration.ofSeconds(5)));
    }

    private static CertReport analyze(ClusterSnapshot s, Map<ProbeTarget, ProbeOutcome> probes) {
        CertReport r = CertDiagnosis.analyze(s, Optional.empty(), probes, Instant.now(), WINDOW);
        // every code a check can emit belongs to exactly one reported check
        r.findings().forEach(f -> assertThat(CertCheck.of(f.code())).isNotNull());
        return CertReport.of(r.cluster(), r.istioNamespace(), r.checkedAt(), r.expiryWarningDays(), r.root(), r.hooks(),
                r.findings().stream().filter(f -> !f.code().equals("PROBE_SKIPPED")).toList());
    }

    private static List<String> codes(CertReport r) {
        return r.findings().stream().map(CertFinding::code).toList();
    }

    private static CertFinding finding(CertReport r, String code) {
        return r.findings().stream().filter(f -> f.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not in " + codes(r)));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
