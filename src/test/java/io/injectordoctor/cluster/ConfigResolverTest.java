package io.injectordoctor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the one resolver chooses a configuration when there is no kubeconfig, and what it makes of a server URL. */
class ConfigResolverTest {
    @TempDir
    Path dir;

    Environment env(Map<String, String> vars) {
        return new Environment(vars, dir.resolve("home"), dir.resolve("sa"), false);
    }

    ClusterConfig resolve(Path kubeconfig, Map<String, String> vars) {
        return ConfigResolver.resolve(ConfigResolver.Request.of(kubeconfig, null, Duration.ofSeconds(3)), env(vars));
    }

    void serviceAccount(String namespace) throws Exception {
        Files.createDirectories(dir.resolve("sa"));
        Files.writeString(dir.resolve("sa/token"), "sa-token\n");
        Files.writeString(dir.resolve("sa/ca.crt"), io.injectordoctor.testing.TlsApiServer.root("sa-ca").certificatePem());
        if (namespace != null) {
            Files.writeString(dir.resolve("sa/namespace"), namespace);
        }
    }

    @Test
    void inAPodWithoutKubeconfigTheServiceAccountIsUsed() throws Exception {
        serviceAccount("istio-system");
        ClusterConfig c = resolve(null, Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "443"));
        assertThat(c.serverText()).isEqualTo("https://10.96.0.1:443");
        assertThat(c.namespace()).isEqualTo("istio-system");
        assertThat(c.credential()).isEqualTo(new Credential.TokenFile(dir.resolve("sa/token")));
        assertThat(c.tls().caPem()).contains("BEGIN CERTIFICATE");
        assertThat(resolve(null, Map.of("KUBERNETES_SERVICE_HOST", "fd00::1", "KUBERNETES_SERVICE_PORT", "6443",
                "POD_NAMESPACE", "mine")).describe()).isEqualTo("(https://[fd00::1]:6443)");
        assertThat(resolve(null, Map.of("KUBERNETES_SERVICE_HOST", "fd00::1", "KUBERNETES_SERVICE_PORT", "6443",
                "POD_NAMESPACE", "mine")).namespace()).isEqualTo("mine");
    }

    /** A kubeconfig that defines a context wins over the pod's service account, as in kubectl. */
    @Test
    void aKubeconfigWinsOverThePod() throws Exception {
        serviceAccount(null);
        Path kc = dir.resolve("kc");
        Files.writeString(kc, "current-context: x\nclusters: [{name: c, cluster: {server: 'http://127.0.0.1:1'}}]\n"
                + "contexts: [{name: x, context: {cluster: c}}]\n");
        ClusterConfig c = resolve(kc, Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "443"));
        assertThat(c.serverText()).isEqualTo("http://127.0.0.1:1");
        assertThat(c.context()).isEqualTo("x");
    }

    @Test
    void noKubeconfigAndNoPodSaysSoAndWhatToDo() {
        assertThatThrownBy(() -> resolve(null, Map.of())).isInstanceOfSatisfying(DoctorException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).startsWith("no kubeconfig found (looked at " + dir.resolve("home/.kube/config") + ")")
                    .contains("--kubeconfig FILE", "KUBECONFIG", "--demo").doesNotContain("refused");
        });
    }

    @Test
    void aServerWithoutSchemeIsHttpsWhenTlsIsConfigured() {
        assertThat(ConfigResolver.serverUri("10.0.0.1:6443", true, "c").toString()).isEqualTo("https://10.0.0.1:6443");
        assertThat(ConfigResolver.serverUri("10.0.0.1:8080", false, "c").toString()).isEqualTo("http://10.0.0.1:8080");
        assertThat(ConfigResolver.serverUri("https://h/k8s/clusters/c-1", true, "c").toString())
                .isEqualTo("https://h/k8s/clusters/c-1");
    }

    /** --as and --as-group, where the command line gives them, replace the kubeconfig's impersonation. */
    @Test
    void impersonationFromTheCommandLineWinsOverTheKubeconfig() throws Exception {
        Path kc = dir.resolve("kc");
        Files.writeString(kc, "current-context: x\nclusters: [{name: c, cluster: {server: 'https://h:6443',"
                + " insecure-skip-tls-verify: true}}]\nusers: [{name: u, user: {token: t, as: bob}}]\n"
                + "contexts: [{name: x, context: {cluster: c, user: u}}]\n");
        ClusterConfig fromFile = resolve(kc, Map.of());
        assertThat(fromFile.impersonation().user()).isEqualTo("bob");
        ClusterConfig flags = ConfigResolver.resolve(new ConfigResolver.Request(kc, null, Duration.ZERO, "alice",
                java.util.List.of("oncall")), env(Map.of()));
        assertThat(flags.impersonation()).isEqualTo(new ClusterConfig.Impersonation("alice", null,
                java.util.List.of("oncall"), Map.of()));
        assertThatThrownBy(() -> ConfigResolver.resolve(new ConfigResolver.Request(kc, null, Duration.ZERO, null,
                java.util.List.of("oncall")), env(Map.of()))).hasMessage("--as-group needs --as (a user to impersonate)");
    }
}
