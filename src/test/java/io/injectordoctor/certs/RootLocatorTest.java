package io.injectordoctor.certs;

import io.injectordoctor.report.CertIdentity;
import io.injectordoctor.report.SourceAttempt;
import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.mesh.RootSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.model.ConfigMapInfo;
import io.injectordoctor.model.ObjectMeta;
import io.injectordoctor.model.SecretInfo;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RootLocatorTest {
    private final Pki.Issued root = TestCerts.root("mesh-root");
    private final Pki.Issued other = TestCerts.root("other-root");

    @Test
    void theLegacySecretComesFirst() {
        ClusterSnapshot s = base()
                .secret(secret(IstioLayout.LEGACY_SECRET, "root-cert.pem", other.certificatePem()))
                .configMap(configMap(root.certificatePem()))
                .build();
        RootLookup l = RootLocator.locate(s, Optional.empty());
        assertThat(l.source().describe())
                .isEqualTo("secret istio-system/istio.istio-sidecar-injector-service-account key root-cert.pem");
        assertThat(l.certificates().identities()).extracting(CertIdentity::subject).containsExactly(
                CertIdentities.of(other.certificate()).subject());
        assertThat(l.runbookDigest().command()).contains("get secret istio.istio-sidecar-injector-service-account");
        assertThat(l.attempts()).extracting(SourceAttempt::outcome).containsExactly(SourceAttempt.Outcome.USED,
                SourceAttempt.Outcome.NOT_CONSULTED, SourceAttempt.Outcome.NOT_CONSULTED,
                SourceAttempt.Outcome.NOT_CONSULTED, SourceAttempt.Outcome.NOT_CONSULTED);
    }

    @Test
    void theConfigMapIsUsedInAModernLayout() {
        ClusterSnapshot s = base().configMap(configMap(root.certificatePem()))
                .secret(secret(IstioLayout.CA_SECRET, "ca-cert.pem", other.certificatePem())).build();
        RootLookup l = RootLocator.locate(s, Optional.empty());
        assertThat(l.source().name()).isEqualTo(IstioLayout.ROOT_CONFIG_MAP);
        assertThat(l.runbookDigest().command()).contains("get configmap istio-ca-root-cert").contains("base64");
        assertThat(l.attempts().get(0)).extracting(SourceAttempt::outcome, SourceAttempt::reason)
                .containsExactly(SourceAttempt.Outcome.ABSENT, "not found");
    }

    @Test
    void thePluggedInSecretIsTriedByBothKeys() {
        ClusterSnapshot s = base().secret(secret(IstioLayout.PLUGGED_SECRET, "ca.crt", root.certificatePem()))
                .loaded(ResourceKind.CONFIGMAP).build();
        RootLookup l = RootLocator.locate(s, Optional.empty());
        assertThat(l.source().describe()).isEqualTo("secret istio-system/cacerts key ca.crt");
        assertThat(l.attempts().get(3)).extracting(SourceAttempt::outcome, SourceAttempt::reason)
                .containsExactly(SourceAttempt.Outcome.ABSENT, "no certificate entry 'root-cert.pem'");
    }

    @Test
    void forbiddenSecretsAreSkippedWithTheReasonAndTheConfigMapStillCounts() {
        ClusterSnapshot s = base().configMap(configMap(root.certificatePem()))
                .unreadable(ResourceKind.SECRET, "forbidden: cannot get secrets in namespace istio-system"
                        + " (needs RBAC verb 'get' on 'secrets')").build();
        RootLookup l = RootLocator.locate(s, Optional.empty());
        assertThat(l.source().kind()).isEqualTo(RootSource.Kind.CONFIGMAP);
        assertThat(l.attempts().get(0).outcome()).isEqualTo(SourceAttempt.Outcome.SKIPPED);
        assertThat(l.attempts().get(0).reason()).startsWith("secrets could not be read: forbidden")
                .contains("'get' on 'secrets'");

        ClusterSnapshot noConfigMap = base().loaded(ResourceKind.CONFIGMAP)
                .unreadable(ResourceKind.SECRET, "forbidden").build();
        RootLookup none = RootLocator.locate(noConfigMap, Optional.empty());
        assertThat(none.found()).isFalse();
        assertThat(none.attempts()).extracting(SourceAttempt::outcome).containsExactly(SourceAttempt.Outcome.SKIPPED,
                SourceAttempt.Outcome.ABSENT, SourceAttempt.Outcome.SKIPPED, SourceAttempt.Outcome.SKIPPED,
                SourceAttempt.Outcome.SKIPPED);
    }

    @Test
    void anEntryWithoutACertificateIsUnusableAndTheSearchGoesOn() {
        ClusterSnapshot s = base().configMap(configMap("garbage"))
                .secret(secret(IstioLayout.CA_SECRET, "ca-cert.pem", root.certificatePem())).build();
        RootLookup l = RootLocator.locate(s, Optional.empty());
        assertThat(l.attempts().get(1).outcome()).isEqualTo(SourceAttempt.Outcome.UNUSABLE);
        assertThat(l.source().name()).isEqualTo(IstioLayout.CA_SECRET);
    }

    @Test
    void anOverrideFileWinsOverEverySource() {
        ClusterSnapshot s = base().configMap(configMap(other.certificatePem())).build();
        RootLookup l = RootLocator.locate(s, Optional.of(new RootLocator.GivenRoot("/tmp/root.pem", root.certificatePem())));
        assertThat(l.source().kind()).isEqualTo(RootSource.Kind.FILE);
        assertThat(l.certificates().identities()).extracting(CertIdentity::sha256)
                .containsExactly(CertIdentities.fingerprint(root.certificate()));
        assertThat(l.runbookDigest().command()).isEqualTo("base64 | tr -d '\\n' < /tmp/root.pem | md5sum");
        assertThat(l.attempts()).extracting(SourceAttempt::outcome).first().isEqualTo(SourceAttempt.Outcome.USED);
        assertThat(l.attempts().subList(1, l.attempts().size())).extracting(SourceAttempt::outcome).containsOnly(SourceAttempt.Outcome.NOT_CONSULTED);

        RootLookup bad = RootLocator.locate(s, Optional.of(new RootLocator.GivenRoot("key.pem", root.keyPem())));
        assertThat(bad.found()).isFalse();
        assertThat(bad.attempts().get(0).reason()).contains("PRIVATE KEY");
    }

    private static ClusterSnapshot.Builder base() {
        return ClusterSnapshot.builder().loaded(ResourceKind.SECRET).loaded(ResourceKind.CONFIGMAP);
    }

    private static SecretInfo secret(String name, String key, String pem) {
        return new SecretInfo(ObjectMeta.of("istio-system", name), "Opaque", Map.of(key, pem));
    }

    private static ConfigMapInfo configMap(String pem) {
        return new ConfigMapInfo(ObjectMeta.of("istio-system", IstioLayout.ROOT_CONFIG_MAP), Map.of("root-cert.pem", pem));
    }
}
