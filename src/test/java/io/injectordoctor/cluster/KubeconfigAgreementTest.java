package io.injectordoctor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.certs.Pki;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The direct kubeconfig resolution agrees with fabric8's (the library this project otherwise
 * trusts to read kubeconfigs) over a table of kubeconfigs: contexts, namespaces, environment
 * variables, exec plugins, tokens, files and proxies. Where the two differ, kubectl's behaviour
 * is the reference and each difference is a row of its own, asserted both ways with the reason.
 * fabric8 reads environment variables through system properties of the same name, which is how
 * the environment is given to it here.
 */
class KubeconfigAgreementTest {
    @TempDir
    Path dir;

    private final Map<String, String> saved = new HashMap<>();
    private Pki.Issued ca;
    private Pki.Issued client;

    /** What a client does with the configuration, in a form both resolutions can be compared in. */
    record View(String server, String namespace, String context, String caPem, String certPem, String keyPem,
            String authorization, boolean insecure, String proxy) {
    }

    @BeforeEach
    void pki() {
        Instant now = Instant.now();
        ca = Pki.root("cluster-ca", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        client = Pki.serving(ca, "alice", List.of("alice"), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        // fabric8 must not find a pod's service account or a kubeconfig other than the one given.
        property("kubernetes.auth.tryServiceAccount", "false");
    }

    @AfterEach
    void restore() {
        saved.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    private void property(String name, String value) {
        saved.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private String keyPem() {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(client.key().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static String kubeconfig(String cluster, String user, String contexts, String current) {
        return "apiVersion: v1\nkind: Config\n" + (current == null ? "" : "current-context: " + current + "\n")
                + "clusters:\n" + cluster + "users:\n" + user + "contexts:\n" + contexts;
    }

    private static String context(String name, String cluster, String user, String namespace) {
        return "- name: " + name + "\n  context:\n    cluster: " + cluster + "\n    user: " + user + "\n"
                + (namespace == null ? "" : "    namespace: " + namespace + "\n");
    }

    // --- the two resolutions -------------------------------------------------------------------

    private View ours(Path explicit, String context, Map<String, String> env) {
        ClusterConfig c = ConfigResolver.resolve(ConfigResolver.Request.of(explicit, context, Duration.ofSeconds(10)),
                new Environment(env, dir.resolve("home"), dir.resolve("no-service-account"), false));
        String authz = new Auth(c, false, Clock.systemUTC()).headers().stream().filter(h -> h[0].equals("Authorization"))
                .map(h -> h[1]).findFirst().orElse(null);
        return new View(c.serverText(), c.namespace(), c.context(), c.tls().caPem(),
                c.clientCertificate() == null ? null : c.clientCertificate().certificatePem(),
                c.clientCertificate() == null ? null : c.clientCertificate().keyPem(), authz, c.tls().insecure(),
                c.proxy() == null ? null : c.proxy().toString());
    }

    /** fabric8: one explicit file through fromKubeconfig; $KUBECONFIG and other variables through autoConfigure. */
    private View fabric8(Path explicit, String context, Map<String, String> env) throws Exception {
        Config f;
        if (explicit != null && env.isEmpty()) {
            f = Config.fromKubeconfig(context, explicit.toFile());
        } else {
            property("kubeconfig", explicit != null ? explicit.toString() : env.get("KUBECONFIG"));
            for (String var : List.of("HTTPS_PROXY", "NO_PROXY", "KUBERNETES_NAMESPACE")) {
                if (env.containsKey(var)) {
                    property(var.toLowerCase().replace('_', '.'), env.get(var));
                }
            }
            f = Config.autoConfigure(context);
        }
        String token = f.getOauthToken() != null ? f.getOauthToken() : f.getAutoOAuthToken();
        String authz = token != null ? "Bearer " + token : f.getUsername() != null
                ? "Basic " + b64(f.getUsername() + ":" + f.getPassword()) : null;
        String server = f.getMasterUrl().endsWith("/") ? f.getMasterUrl().substring(0, f.getMasterUrl().length() - 1)
                : f.getMasterUrl();
        String proxy = f.getHttpsProxy() != null ? f.getHttpsProxy() : f.getHttpProxy();
        if (proxy != null && f.getNoProxy() != null && Arrays.asList(f.getNoProxy()).contains(java.net.URI.create(server).getHost())) {
            proxy = null;
        }
        return new View(server, f.getNamespace(), f.getCurrentContext() == null ? null : f.getCurrentContext().getName(),
                pem(f.getCaCertData(), f.getCaCertFile()), pem(f.getClientCertData(), f.getClientCertFile()),
                pem(f.getClientKeyData(), f.getClientKeyFile()), authz, f.isTrustCerts(), proxy);
    }

    private static String pem(String data, String file) throws Exception {
        if (data != null) {
            return new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8);
        }
        return file == null ? null : Files.readString(Path.of(file));
    }

    private void agree(Path explicit, String context, Map<String, String> env, View expected) throws Exception {
        View ours = ours(explicit, context, env);
        assertThat(ours).isEqualTo(expected);
        assertThat(fabric8(explicit, context, env)).as("fabric8").isEqualTo(expected);
    }

    // --- rows where both agree ------------------------------------------------------------------

    @Test
    void tokenCaDataAndTheContextsNamespace() throws Exception {
        Path kc = write("config", kubeconfig(
                "- name: prod\n  cluster:\n    server: https://10.0.0.1:6443\n    certificate-authority-data: "
                        + b64(ca.certificatePem()) + "\n",
                "- name: alice\n  user:\n    token: abc.def\n",
                context("prod", "prod", "alice", "shop"), "prod"));
        agree(kc, null, Map.of(), new View("https://10.0.0.1:6443", "shop", "prod", ca.certificatePem(), null, null,
                "Bearer abc.def", false, null));
    }

    @Test
    void relativeFilesAreResolvedAgainstTheKubeconfigsFolder() throws Exception {
        write("pki/ca.crt", ca.certificatePem());
        write("pki/alice.crt", client.certificatePem());
        write("pki/alice.key", keyPem());
        Path kc = write("cfg/config", kubeconfig(
                "- name: c\n  cluster:\n    server: https://api.example:443\n    certificate-authority: ../pki/ca.crt\n",
                "- name: u\n  user:\n    client-certificate: ../pki/alice.crt\n    client-key: ../pki/alice.key\n",
                context("x", "c", "u", null), "x"));
        agree(kc, null, Map.of(), new View("https://api.example:443", null, "x", ca.certificatePem(),
                client.certificatePem(), keyPem(), null, false, null));
    }

    @Test
    void clientCertificateDataBasicAuthAndInsecure() throws Exception {
        Path kc = write("config", kubeconfig(
                "- name: c\n  cluster:\n    server: https://h:6443\n    insecure-skip-tls-verify: true\n",
                "- name: certs\n  user:\n    client-certificate-data: " + b64(client.certificatePem())
                        + "\n    client-key-data: " + b64(keyPem()) + "\n"
                        + "- name: basic\n  user:\n    username: admin\n    password: s3cret\n",
                context("a", "c", "certs", "default") + context("b", "c", "basic", "kube-system"), "a"));
        agree(kc, null, Map.of(), new View("https://h:6443", "default", "a", null, client.certificatePem(), keyPem(),
                null, true, null));
        agree(kc, "b", Map.of(), new View("https://h:6443", "kube-system", "b", null, null, null,
                "Basic " + b64("admin:s3cret"), true, null));
    }

    @Test
    void kubeconfigListsMergeFirstFileWins() throws Exception {
        Path first = write("first", kubeconfig(
                "- name: shared\n  cluster:\n    server: https://first:6443\n",
                "- name: u\n  user:\n    token: from-first\n",
                context("one", "shared", "u", "a"), "one"));
        Path second = write("second", kubeconfig(
                "- name: shared\n  cluster:\n    server: https://second:6443\n",
                "- name: u\n  user:\n    token: from-second\n",
                context("two", "shared", "u", "b"), "two"));
        Map<String, String> env = Map.of("KUBECONFIG", first + File.pathSeparator + second);
        agree(null, null, env, new View("https://first:6443", "a", "one", null, null, null, "Bearer from-first", false, null));
        agree(null, "two", env, new View("https://first:6443", "b", "two", null, null, null, "Bearer from-first", false, null));
    }

    @Test
    void proxyUrlAndHttpsProxy() throws Exception {
        Path kc = write("config", kubeconfig(
                "- name: direct\n  cluster:\n    server: https://api.example:6443\n"
                        + "- name: proxied\n  cluster:\n    server: https://api.example:6443\n    proxy-url: http://proxy.corp:3128\n",
                "- name: u\n  user:\n    token: t\n",
                context("d", "direct", "u", null) + context("p", "proxied", "u", null), "d"));
        agree(kc, "p", Map.of(), new View("https://api.example:6443", null, "p", null, null, null, "Bearer t", false,
                "http://proxy.corp:3128"));
        agree(kc, null, Map.of("HTTPS_PROXY", "http://egress:8080"), new View("https://api.example:6443", null, "d",
                null, null, null, "Bearer t", false, "http://egress:8080"));
        agree(kc, null, Map.of("HTTPS_PROXY", "http://egress:8080", "NO_PROXY", "other.example,api.example"),
                new View("https://api.example:6443", null, "d", null, null, null, "Bearer t", false, null));
    }

    @Test
    void execPluginsRunWithTheirArgumentsAndEnvironment() throws Exception {
        Path plugin = write("bin/token-plugin", """
                #!/bin/sh
                printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"tok-%s-%s"}}' "$1" "$2" "$PLUGIN_ZONE"
                """);
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String version : List.of("client.authentication.k8s.io/v1beta1", "client.authentication.k8s.io/v1")) {
            Path kc = write("config", kubeconfig(
                    "- name: c\n  cluster:\n    server: https://api.example:6443\n",
                    "- name: u\n  user:\n    exec:\n      apiVersion: " + version + "\n      command: " + plugin
                            + "\n      args: [" + version + ", eu]\n      env:\n      - name: PLUGIN_ZONE\n        value: west\n"
                            + "      interactiveMode: Never\n",
                    context("x", "c", "u", null), "x"));
            agree(kc, null, Map.of(), new View("https://api.example:6443", null, "x", null, null, null,
                    "Bearer tok-eu-west", false, null));
        }
    }

    // --- rows where kubectl and fabric8 differ: kubectl's behaviour is kept ----------------------

    /** kubectl reads a user's tokenFile (client_config.go getUserIdentificationPartialConfig); fabric8 7.8 ignores it. */
    @Test
    void aTokenFileIsReadAsKubectlReadsIt() throws Exception {
        write("token", "file-token\n");
        Path kc = write("config", kubeconfig("- name: c\n  cluster:\n    server: https://h:6443\n",
                "- name: u\n  user:\n    tokenFile: token\n", context("x", "c", "u", null), "x"));
        assertThat(ours(kc, null, Map.of()).authorization()).isEqualTo("Bearer file-token");
        assertThat(fabric8(kc, null, Map.of()).authorization()).isNull();
    }

    /** kubectl impersonates the kubeconfig's {@code as} and {@code as-groups}; fabric8 7.8 does not read them. */
    @Test
    void impersonationFromTheKubeconfigIsKept() throws Exception {
        Path kc = write("config", kubeconfig("- name: c\n  cluster:\n    server: https://h:6443\n",
                "- name: u\n  user:\n    token: t\n    as: alice\n    as-groups: [devs, oncall]\n",
                context("x", "c", "u", null), "x"));
        ClusterConfig c = ConfigResolver.resolve(ConfigResolver.Request.of(kc, null, Duration.ZERO),
                new Environment(Map.of(), dir, dir, false));
        assertThat(c.impersonation()).isEqualTo(new ClusterConfig.Impersonation("alice", null, List.of("devs", "oncall"),
                Map.of()));
        Config f = Config.fromKubeconfig(null, kc.toFile());
        assertThat(f.getImpersonateUsername()).isNull();
    }

    /** KUBERNETES_NAMESPACE is fabric8's own variable; kubectl takes the context's namespace. */
    @Test
    void kubernetesNamespaceIsNotKubectls() throws Exception {
        Path kc = write("config", kubeconfig("- name: c\n  cluster:\n    server: https://h:6443\n",
                "- name: u\n  user:\n    token: t\n", context("x", "c", "u", "shop"), "x"));
        Map<String, String> env = Map.of("KUBERNETES_NAMESPACE", "elsewhere");
        assertThat(ours(kc, null, env).namespace()).isEqualTo("shop");
        assertThat(fabric8(kc, null, env).namespace()).isEqualTo("elsewhere");
    }

    /**
     * fabric8 falls back without a word (the current context, no credentials, kubernetes.default.svc);
     * here each is a usage error naming what is missing (kubectl: "context was not found", "no
     * configuration has been provided"; a missing user it would treat as anonymous).
     */
    @Test
    void missingContextsClustersAndUsersAreNamedNotReplaced() throws Exception {
        Path kc = write("config", kubeconfig("- name: c\n  cluster:\n    server: https://h:6443\n",
                "- name: u\n  user:\n    token: t\n",
                context("x", "c", "u", null) + context("nouser", "c", "ghost", null) + context("nocluster", "void", "u", null),
                "x"));
        List<String> fabric8Servers = new ArrayList<>();
        for (String[] row : List.of(new String[] {"nope", "context \"nope\" not found"},
                new String[] {"nouser", "names user \"ghost\", which is not in the kubeconfig"},
                new String[] {"nocluster", "names cluster \"void\", which is not in the kubeconfig"})) {
            assertThatThrownBy(() -> ours(kc, row[0], Map.of())).isInstanceOfSatisfying(DoctorException.class, e -> {
                assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                assertThat(e.getMessage()).contains(row[1]);
            });
            fabric8Servers.add(fabric8(kc, row[0], Map.of()).server());
        }
        assertThat(fabric8Servers).containsExactly("https://h:6443", "https://h:6443", "https://kubernetes.default.svc");
    }
}
