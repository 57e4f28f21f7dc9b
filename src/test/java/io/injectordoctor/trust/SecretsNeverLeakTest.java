package io.injectordoctor.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.certs.Pki;
import io.injectordoctor.testing.MockCluster;
import io.injectordoctor.testing.MockCluster.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command, every output format, with and without --debug, live and from a snapshot, over
 * credentials in every place they are found: secrets that hold private keys, tokens and a
 * last-applied annotation with a key; a kubeconfig with a token, a client key and a password in its
 * server URL; container env values, annotations holding a key, a JWT and a bearer token, ConfigMap
 * data holding a kubeconfig's credentials, and a last-applied annotation repeating env values. No key
 * block, no key bytes in any encoding and no token may show up in stdout, stderr or a file.
 */
class SecretsNeverLeakTest {
    /** Each output format, with and without --debug (it changes what failures print, not the format). */
    private static final List<List<String>> VARIANTS = List.of(List.of("-o", "text"), List.of("-o", "json"),
            List.of("-o", "yaml"), List.of("-o", "text", "--debug"), List.of("-o", "json", "--debug"),
            List.of("-o", "yaml", "--debug"));

    private final TrustCluster cluster = new TrustCluster();
    private final Pki.Issued caKey = cluster.root;
    private final Pki.Issued leafKey = cluster.serving;
    private final String token = "tkn" + HexFormat.of().formatHex(random(24));
    private final String bearer = "bearer" + HexFormat.of().formatHex(random(24));
    private final String urlPassword = "pw" + HexFormat.of().formatHex(random(16));
    private final Pki.Issued clientKey = Pki.root("alice", java.time.Instant.now().minusSeconds(60),
            java.time.Instant.now().plusSeconds(3600));
    /** Credentials outside Secrets, as CaptureTest has them: env values, annotations, ConfigMap data. */
    private final CaptureTest outside = new CaptureTest();

    @TempDir
    Path tmp;

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    /** PKCS#8 form of a key ("BEGIN PRIVATE KEY"), next to BouncyCastle's "BEGIN EC PRIVATE KEY". */
    private static String pkcs8(Pki.Issued i) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(i.key().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    private String secrets() {
        String caPem = caKey.keyPem();
        String leafPem = pkcs8(leafKey);
        String lastApplied = "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"stringData\":{\"ca-key.pem\":\"" + caPem
                + "\",\"token\":\"" + token + "\"}}";
        return TrustCluster.join(
                TrustCluster.secret("istio-ca-secret", "istio.io/ca-root", lastApplied,
                        "ca-cert.pem", cluster.rootPem(), "ca-key.pem", caPem, "token", token),
                TrustCluster.secret("cacerts", "Opaque", lastApplied,
                        "root-cert.pem", cluster.rootPem() + caPem, "ca-cert.pem", cluster.rootPem(), "ca-key.pem", caPem,
                        "cert-chain.pem", cluster.rootPem(), "token", token),
                TrustCluster.secret("istio.istio-sidecar-injector-service-account", "istio.io/key-and-cert", lastApplied,
                        "root-cert.pem", cluster.rootPem(), "cert-chain.pem", leafKey.certificatePem() + leafPem,
                        "key.pem", leafPem, "token", token));
    }

    private String everything() {
        return TrustCluster.join(cluster.install(), cluster.controlPlane(), TrustCluster.apps(), secrets(),
                outside.credentials(), lastAppliedEnv());
    }

    /** A Deployment whose env values are repeated in its last-applied-configuration annotation. */
    private String lastAppliedEnv() {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: leaky
                  namespace: shop
                  annotations:
                    kubectl.kubernetes.io/last-applied-configuration: '{"kind":"Deployment","spec":{"template":{"spec":{"containers":[{"name":"app","env":[{"name":"API_TOKEN","value":"%1$s"}]}]}}}}'
                spec:
                  selector: {matchLabels: {app: leaky}}
                  template:
                    metadata: {labels: {app: leaky}}
                    spec:
                      containers:
                      - name: app
                        image: app:1
                        env: [{name: API_TOKEN, value: "%1$s"}]
                """.formatted(token);
    }

    /**
     * The kubeconfig of the live runs: the bearer token, a client certificate and key, and a
     * password in the server URL (the mock server is plain HTTP, so, as kubectl, none is sent; all
     * are read and none may be printed).
     */
    private String kubeconfig(int port) {
        return """
                apiVersion: v1
                kind: Config
                clusters: [{name: mock, cluster: {server: "http://admin:%s@127.0.0.1:%d"}}]
                users: [{name: tester, user: {token: "%s", client-certificate-data: %s, client-key-data: %s}}]
                contexts: [{name: mock, context: {cluster: mock, user: tester, namespace: default}}]
                current-context: mock
                """.formatted(urlPassword, port, bearer, TrustCluster.b64(clientKey.certificatePem()),
                TrustCluster.b64(clientKey.keyPem()));
    }

    /** What must never be printed: key blocks and every encoding of the key bytes and the tokens. */
    private List<String> forbidden() {
        List<String> out = new ArrayList<>(List.of("PRIVATE KEY", token, TrustCluster.b64(token), bearer, urlPassword));
        out.addAll(outside.secrets());
        for (Pki.Issued i : List.of(caKey, leafKey, clientKey, outside.key)) {
            byte[] der = i.key().getEncoded();
            String derB64 = Base64.getEncoder().encodeToString(der);
            out.add(derB64.substring(derB64.length() - 40));
            String hex = HexFormat.of().formatHex(der);
            out.add(hex.substring(hex.length() - 48));
            out.add(hex.substring(hex.length() - 48).toUpperCase(java.util.Locale.ROOT));
            out.add(new String(der, StandardCharsets.ISO_8859_1).substring(der.length - 24));
            for (String pem : List.of(i.keyPem(), pkcs8(i))) {
                String body = pem.lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat);
                out.add(body.substring(body.length() - 40));
                String stored = TrustCluster.b64(pem);
                out.add(stored.substring(stored.length() / 2, stored.length() / 2 + 40));
            }
        }
        // Base64 of any PEM key header, as Secret data stores it.
        out.add(TrustCluster.b64("-----BEGIN EC PRIVATE KEY-----").substring(0, 36));
        out.add(TrustCluster.b64("-----BEGIN PRIVATE KEY-----").substring(0, 32));
        return out;
    }

    private static List<List<String>> commands(String podFile) {
        return List.of(
                List.of("explain", "pods", "-A"),
                List.of("explain", "pod/web", "-n", "shop"),
                List.of("check"),
                List.of("check-certs", "--no-probe"),
                List.of("inject", "-f", podFile),
                // the pod whose env values, annotations and last-applied annotation hold credentials
                List.of("explain", "pod/leaky", "-n", "shop"));
    }

    @Test
    void liveCommandsInEveryFormatAndAtDebug() throws IOException {
        Path pod = TrustCluster.write(tmp, "pod.yaml", io.injectordoctor.testing.Fixtures.pod("shop", "new", null, false, false));
        long start = System.currentTimeMillis();
        List<Result> results = new ArrayList<>();
        try (MockCluster c = new MockCluster()) {
            c.apply(everything());
            // CRUD mode refuses a review without metadata; a real API server answers it for anyone.
            c.server().expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
                    .andReturn(201, "{\"apiVersion\":\"authorization.k8s.io/v1\",\"kind\":\"SelfSubjectAccessReview\","
                            + "\"status\":{\"allowed\":true}}").always();
            Path kc = TrustCluster.write(tmp, "kubeconfig", kubeconfig(c.server().getPort()));
            List<List<String>> live = new ArrayList<>(commands(pod.toString()));
            // Several clusters (here the one context): the fleet table and its JSON.
            live.add(List.of("check", "--all-contexts"));
            live.add(List.of("explain", "pods", "-A", "--all-contexts"));
            live.add(List.of("restart-injector", "--dry-run", "--force"));
            // Without consent it refuses (exit 64): the refusal and its --debug trace must not leak either.
            live.add(List.of("restart-injector", "--force"));
            for (List<String> cmd : live) {
                for (List<String> variant : VARIANTS) {
                    List<String> args = new ArrayList<>(cmd);
                    args.addAll(variant);
                    args.addAll(List.of("--kubeconfig", kc.toString(), "--request-timeout", "5"));
                    Result r = Result.of(args.toArray(String[]::new));
                    assertNoLeak(args, r);
                    results.add(r);
                }
            }
            // snapshot writes what it read: to a file, and to stdout.
            Path captured = tmp.resolve("captured.yaml");
            for (List<String> args : List.of(
                    List.of("snapshot", "-o", captured.toString(), "--kubeconfig", kc.toString()),
                    List.of("snapshot", "-o", tmp.resolve("captured-debug.yaml").toString(), "--debug", "--kubeconfig",
                            kc.toString()),
                    List.of("snapshot", "-o", "-", "--kubeconfig", kc.toString()))) {
                Result r = Result.of(args.toArray(String[]::new));
                assertThat(r.exitCode()).as("%s: %s", args, r.err()).isZero();
                assertNoLeak(args, r);
            }
            // The capture keeps the root certificate, and the commands read it back without leaking either.
            assertThat(Files.readString(captured)).contains("-----BEGIN CERTIFICATE-----");
            for (List<String> cmd : commands(pod.toString())) {
                List<String> args = new ArrayList<>(cmd);
                args.addAll(List.of("-o", "json", "--debug", "--snapshot", captured.toString()));
                Result r = Result.of(args.toArray(String[]::new));
                assertThat(r.exitCode()).as("%s: %s", args, r.err()).isIn(0, 1);
                assertNoLeak(args, r);
            }
        }
        assertThat(results).hasSize(10 * VARIANTS.size());
        // The runs did something: the root was found and checked, verdicts were given.
        assertThat(results.get(0).out()).contains("shop");
        assertThat(results.get(results.size() - 1).exitCode()).isEqualTo(64);
        assertThat(String.join("\n", results.stream().map(Result::out).toList())).contains("mesh-root");
        assertNoFileLeak(start);
    }

    @Test
    void snapshotCommandsInEveryFormatAndAtDebug() throws IOException {
        Path pod = TrustCluster.write(tmp, "pod.yaml", io.injectordoctor.testing.Fixtures.pod("shop", "new", null, false, false));
        Path snapshot = TrustCluster.write(tmp, "snapshot.yaml", everything());
        long start = System.currentTimeMillis();
        int runs = 0;
        for (List<String> cmd : commands(pod.toString())) {
            for (List<String> variant : VARIANTS) {
                List<String> args = new ArrayList<>(cmd);
                args.addAll(variant);
                args.addAll(List.of("--snapshot", snapshot.toString()));
                Result r = Result.of(args.toArray(String[]::new));
                assertNoLeak(args, r);
                assertThat(r.exitCode()).as("%s: %s", args, r.err()).isIn(0, 1);
                runs++;
            }
        }
        assertThat(runs).isEqualTo(6 * VARIANTS.size());
        assertNoFileLeak(start);
    }

    /**
     * The failure paths: the same kubeconfig (token, client key, password in the URL) to a port where
     * nothing listens. Every message names the server, and none may show its password.
     */
    @Test
    void unreachableServerInEveryFormatAndAtDebug() throws IOException {
        Path pod = TrustCluster.write(tmp, "pod.yaml", io.injectordoctor.testing.Fixtures.pod("shop", "new", null, false, false));
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path kc = TrustCluster.write(tmp, "kubeconfig", kubeconfig(port));
        long start = System.currentTimeMillis();
        List<List<String>> cmds = new ArrayList<>(commands(pod.toString()));
        cmds.add(List.of("check", "--all-contexts"));
        cmds.add(List.of("restart-injector", "--dry-run", "--force"));
        int runs = 0;
        for (List<String> cmd : cmds) {
            for (List<String> variant : VARIANTS) {
                List<String> args = new ArrayList<>(cmd);
                args.addAll(variant);
                args.addAll(List.of("--kubeconfig", kc.toString(), "--request-timeout", "2"));
                Result r = Result.of(args.toArray(String[]::new));
                assertNoLeak(args, r);
                assertThat(r.out() + r.err()).as("%s", args).contains("127.0.0.1:" + port);
                runs++;
            }
        }
        for (List<String> args : List.of(List.of("snapshot", "-o", tmp.resolve("never.yaml").toString()),
                List.of("snapshot", "-o", "-", "--debug"))) {
            List<String> all = new ArrayList<>(args);
            all.addAll(List.of("--kubeconfig", kc.toString(), "--request-timeout", "2"));
            Result r = Result.of(all.toArray(String[]::new));
            assertThat(r.exitCode()).as("%s: %s", all, r.err()).isEqualTo(69);
            assertNoLeak(all, r);
        }
        assertThat(runs).isEqualTo(8 * VARIANTS.size());
        assertThat(tmp.resolve("never.yaml")).doesNotExist();
        assertNoFileLeak(start);
    }

    /** The guard itself: a line holding a key in any of those encodings is caught. */
    @Test
    void theForbiddenListCatchesEachEncodingOfTheKey() {
        String der = Base64.getEncoder().encodeToString(leafKey.key().getEncoded());
        assertThat(forbidden()).anySatisfy(f -> assertThat(der).contains(f));
        assertThat(forbidden()).anySatisfy(f -> assertThat(TrustCluster.b64(caKey.keyPem())).contains(f));
        assertThat(forbidden()).anySatisfy(f -> assertThat(HexFormat.of().formatHex(caKey.key().getEncoded())).contains(f));
        assertThat(forbidden()).anySatisfy(f -> assertThat(secrets()).contains(f));
    }

    private void assertNoLeak(List<String> args, Result r) {
        assertThat(r.exitCode()).as("%s crashed: %s", args, r.err()).isNotEqualTo(70);
        for (String f : forbidden()) {
            assertThat(r.out()).as("stdout of %s", args).doesNotContain(f);
            assertThat(r.err()).as("stderr of %s", args).doesNotContain(f);
        }
    }

    /**
     * Files written since {@code start}: our temp dir, the working directory (outside target/) and
     * files of ours in the system temp dir. Other processes on the machine write there too, so only
     * names that could be ours are read.
     */
    private void assertNoFileLeak(long start) throws IOException {
        Path sysTmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path cwd = Path.of("").toAbsolutePath();
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> files = Files.walk(tmp)) {
            files.filter(f -> !isInput(f)).forEach(candidates::add);
        }
        try (Stream<Path> files = Files.walk(cwd, 3)) {
            files.filter(f -> !f.startsWith(cwd.resolve("target")) && !f.startsWith(cwd.resolve(".git"))).forEach(candidates::add);
        }
        try (Stream<Path> files = Files.list(sysTmp)) {
            files.filter(f -> f.getFileName().toString().matches("(?i).*(injector|doctor|snapshot|kubeconfig).*"))
                    .forEach(candidates::add);
        }
        for (Path f : candidates.stream().filter(Files::isRegularFile).toList()) {
            if (Files.getLastModifiedTime(f).toMillis() < start || Files.size(f) > 50_000_000) {
                continue;
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (IOException unreadable) {
                continue;
            }
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            for (String x : forbidden()) {
                assertThat(text).as("file %s", f).doesNotContain(x);
            }
        }
    }

    private boolean isInput(Path f) {
        String n = f.getFileName().toString();
        return n.equals("snapshot.yaml") || n.equals("pod.yaml") || n.equals("kubeconfig");
    }
}
