package io.injectordoctor.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.testing.MockCluster.Result;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API server grants exactly the roles of docs/rbac.yaml (403 for everything else): each
 * command does its job with them, and with a role missing it degrades or stops naming the
 * permission it lacks.
 */
class LeastPrivilegeTest {
    private static final String DIAGNOSE = "injector-doctor-diagnose";
    private static final String SECRETS = "injector-doctor-root-secrets";
    private static final String RESTART = "injector-doctor-restart";

    private final TrustCluster cluster = new TrustCluster();
    private TrustApiServer api;

    @BeforeEach
    void start() {
        api = new TrustApiServer().apply(TrustCluster.join(cluster.install(), cluster.controlPlane(), TrustCluster.apps(),
                TrustCluster.secret("istio-ca-secret", "istio.io/ca-root", null, "ca-cert.pem", cluster.rootPem()),
                TrustCluster.secret("unrelated", "Opaque", null, "password", "hunter2")));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private List<TrustApiServer.Seen> refused() {
        return api.seen().stream().filter(s -> s.code() == 403).toList();
    }

    @Test
    void theRbacFileParsesAndHoldsTheDocumentedRoles() {
        assertThat(RbacPolicy.documents()).extracting(d -> d.path("kind").asText() + "/" + d.path("metadata").path("name").asText())
                .contains("ClusterRole/" + DIAGNOSE, "Role/" + SECRETS, "Role/" + RESTART, "Role/injector-doctor-probe");
        // The diagnosis role reads only: no verb but get and list anywhere in it.
        assertThat(RbacPolicy.documents()).filteredOn(d -> d.path("kind").asText().equals("ClusterRole"))
                .singleElement().satisfies(d -> d.path("rules").forEach(r -> r.path("verbs")
                        .forEach(v -> assertThat(v.asText()).isIn("get", "list"))));
        RbacPolicy secrets = RbacPolicy.of(SECRETS);
        assertThat(secrets.allows(ApiRequest.of("GET", "/api/v1/namespaces/istio-system/secrets/cacerts"))).isTrue();
        assertThat(secrets.allows(ApiRequest.of("GET", "/api/v1/namespaces/istio-system/secrets/unrelated"))).isFalse();
        assertThat(secrets.allows(ApiRequest.of("GET", "/api/v1/namespaces/istio-system/secrets"))).isFalse();
        assertThat(secrets.allows(ApiRequest.of("GET", "/api/v1/namespaces/shop/secrets/cacerts"))).isFalse();
    }

    @Test
    void withTheDiagnosisRolesEveryReadingCommandDoesItsJobWithoutOneRefusal() {
        api.policy(RbacPolicy.of(DIAGNOSE, SECRETS));
        Result pods = api.run("explain", "pods", "-A");
        assertThat(pods.exitCode()).as(pods.err()).isIn(0, 1);
        assertThat(pods.out()).contains("shop").doesNotContain("forbidden");
        Result pod = api.run("explain", "pod/web", "-n", "shop");
        assertThat(pod.exitCode()).as(pod.err()).isZero();
        Result check = api.run("check");
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).doesNotContain("forbidden");
        Result certs = api.run("check-certs", "--no-probe");
        assertThat(certs.exitCode()).as(certs.out() + certs.err()).isZero();
        assertThat(certs.out()).contains("mesh-root");
        Result inject = api.run("inject", "-f", TrustCluster.write(tmpDir(), "pod.yaml",
                io.injectordoctor.testing.Fixtures.pod("shop", "new", null, false, false)).toString());
        assertThat(inject.exitCode()).as(inject.err()).isZero();
        assertThat(inject.out()).contains("istio-proxy");
        assertThat(refused()).as("requests the roles do not cover").isEmpty();
        // Secrets were read by name only, and only the root secrets.
        assertThat(api.seen()).filteredOn(s -> "secrets".equals(s.attributes().resource()))
                .allSatisfy(s -> assertThat(s.attributes().name()).isIn("istio-ca-secret", "cacerts",
                        "istio.istio-sidecar-injector-service-account"));
    }

    @Test
    void withoutTheSecretsRoleCheckCertsStillRunsAndNamesGetSecrets() {
        api.policy(RbacPolicy.of(DIAGNOSE));
        Result certs = api.run("check-certs", "--no-probe");
        assertThat(certs.exitCode()).as(certs.out() + certs.err()).isIn(0, 1);
        assertThat(certs.out() + certs.err()).contains("get secrets");
        // The root still came from the configmap, so the verdict is there.
        assertThat(certs.out()).contains("mesh-root");
        // check reads the root secrets for its certificate check: it warns (ID0102) and goes on.
        Result check = api.run("check");
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("‼ ID0102", "cannot get secrets in namespace istio-system");
        Result pods = api.run("explain", "pods", "-A");
        assertThat(pods.exitCode()).as(pods.err()).isIn(0, 1);
        assertThat(refused()).isNotEmpty().allSatisfy(s -> assertThat(s.attributes().resource()).isEqualTo("secrets"));
    }

    @Test
    void restartInjectorNeedsItsOwnRoleAndSaysWhich() {
        api.policy(RbacPolicy.of(DIAGNOSE, SECRETS));
        Result denied = api.run("restart-injector", "--dry-run", "--force");
        assertThat(denied.exitCode()).as(denied.out() + denied.err()).isEqualTo(77);
        assertThat(denied.err()).contains("patch").contains("deployments");
        assertThat(api.seen()).noneMatch(s -> s.method().equals("PATCH"));

        api.policy(RbacPolicy.of(DIAGNOSE, SECRETS, RESTART));
        Result allowed = api.run("restart-injector", "--dry-run", "--force");
        assertThat(allowed.exitCode()).as(allowed.out() + allowed.err()).isZero();
        assertThat(api.seen()).filteredOn(s -> s.method().equals("PATCH")).isNotEmpty()
                .allSatisfy(s -> assertThat(s.path()).contains("dryRun=All").contains("/namespaces/istio-system/deployments/"));
        assertThat(refused()).isEmpty();
    }

    @Test
    void withNoRoleAtAllEachCommandStopsNamingTheFirstMissingPermission() {
        api.policy(RbacPolicy.of(RESTART));
        Result pods = api.run("explain", "pods", "-A");
        assertThat(pods.exitCode()).isEqualTo(77);
        assertThat(pods.err()).startsWith("error: forbidden: cannot list ").contains("needs RBAC verb 'list'");
        Result pod = api.run("explain", "pod/web", "-n", "shop");
        assertThat(pod.exitCode()).isEqualTo(77);
        assertThat(pod.err()).startsWith("error: forbidden: cannot ").contains("needs RBAC verb");
        Result check = api.run("check");
        assertThat(check.exitCode()).as(check.out() + check.err()).isIn(1, 77);
        assertThat(check.out() + check.err()).contains("forbidden");
        Result certs = api.run("check-certs", "--no-probe");
        assertThat(certs.exitCode()).as(certs.out() + certs.err()).isEqualTo(77);
        assertThat(certs.err()).contains("mutatingwebhookconfigurations");
        for (Result r : List.of(pods, pod, certs)) {
            assertThat(r.err().lines()).hasSize(1);
            assertThat(r.out()).isEmpty();
        }
    }

    private java.nio.file.Path tmpDir() {
        try {
            java.nio.file.Path d = java.nio.file.Files.createTempDirectory("injector-doctor-rbac");
            d.toFile().deleteOnExit();
            return d;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
