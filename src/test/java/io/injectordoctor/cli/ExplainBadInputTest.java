package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.testing.Fixtures;
import io.injectordoctor.testing.MockCluster;
import io.injectordoctor.testing.MockCluster.Result;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Expected failures: one line on stderr, the documented exit code, no stack trace, nothing changed. */
class ExplainBadInputTest {
    private static final String INSTALL = Fixtures.modernInstall("default", "enabled", "docker.io/istio/pilot:1.27.1");

    private static void assertOneLineError(Result r, int code, String fragment) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(code);
        assertThat(r.err().lines().toList()).as(r.err()).hasSizeLessThanOrEqualTo(2)
                .first().asString().startsWith("error: ").contains(fragment);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    private static MockCluster cluster() {
        MockCluster c = new MockCluster();
        c.apply(Fixtures.join(INSTALL, Fixtures.namespace("shop", "istio-injection", "enabled"),
                Fixtures.pod("shop", "web", null, false, true)));
        return c;
    }

    @Test
    void unknownPodAndNamespace() throws Exception {
        try (MockCluster c = cluster()) {
            int before = c.requestCount();
            assertOneLineError(c.run("explain", "pod/nope", "-n", "shop"), 64, "pod shop/nope not found");
            assertOneLineError(c.run("explain", "pods", "-n", "nowhere"), 64, "namespace nowhere not found");
            assertOneLineError(c.run("explain", "deployment/nope", "-n", "shop"), 64, "deployment shop/nope not found");
            // Only reads were sent.
            assertThat(c.server().getLastRequest().getMethod()).isEqualTo("GET");
            assertThat(c.requestCount()).isGreaterThan(before);
        }
    }

    @Test
    void malformedReferences() {
        assertOneLineError(Result.of("explain", "pod/"), 64, "no valid name");
        assertOneLineError(Result.of("explain", "foo/bar"), 64, "unknown type 'foo'");
        assertOneLineError(Result.of("explain", "web"), 64, "use TYPE/NAME");
        assertOneLineError(Result.of("explain", "pod/a/b"), 64, "no valid name");
        assertOneLineError(Result.of("explain", "pod/Web_1", "--demo"), 64, "'Web_1' is not a pod name");
        assertOneLineError(Result.of("explain", "deployment/web?watch=1", "--demo"), 64, "is not a deployment name");
        assertOneLineError(Result.of("explain", "pod/web", "-n", "..", "--demo"), 64,
                "'..' is not a namespace name");
        assertOneLineError(Result.of("check", "--istio-namespace", "Istio System", "--demo"), 64,
                "'Istio System' is not a namespace name");
        Result unknownFlag = Result.of("explain", "pod/x", "--frobnicate");
        assertThat(unknownFlag.exitCode()).isEqualTo(64);
        assertThat(unknownFlag.err()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void unreachableServerIsExit69WithinTheTimeout() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path kc = Files.createTempFile("unreachable", ".kubeconfig");
        Files.writeString(kc, """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "http://127.0.0.1:%d"}}]
                users: [{name: u, user: {token: t}}]
                contexts: [{name: x, context: {cluster: c, user: u}}]
                current-context: x
                """.formatted(port));
        Result r = Result.of("explain", "pod/web", "-n", "shop", "--kubeconfig", kc.toString(), "--request-timeout", "2");
        assertOneLineError(r, 69, "cannot reach the API server at http://127.0.0.1:" + port);
    }

    @Test
    void forbiddenListNamesTheResourceAndVerb() {
        try (MockCluster c = cluster()) {
            c.server().expect().get().withPath("/api/v1/namespaces/shop/pods?limit=500")
                    .andReturn(403, "{\"kind\":\"Status\",\"code\":403,\"message\":\"pods is forbidden\"}").always();
            assertOneLineError(c.run("explain", "pods", "-n", "shop"), 77,
                    "cannot list pods in namespace shop (needs RBAC verb 'list' on 'pods')");
        }
    }

    @Test
    void unauthorisedIsExit77() {
        try (MockCluster c = cluster()) {
            c.server().expect().get().withPath("/api/v1/namespaces/shop/pods/web")
                    .andReturn(401, "{\"kind\":\"Status\",\"code\":401,\"message\":\"Unauthorized\"}").always();
            assertOneLineError(c.run("explain", "pod/web", "-n", "shop"), 77, "unauthorised");
        }
    }

    @Test
    void malformedSnapshotNamesFileAndPosition() throws IOException {
        Path f = Fixtures.writeTemp("apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n");
        assertOneLineError(Result.of("explain", "pods", "-A", "--snapshot", f.toString()), 65, f + ": line ");
        Path binary = Files.createTempFile("binary", ".yaml");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80});
        assertOneLineError(Result.of("explain", "pods", "-A", "--snapshot", binary.toString()), 65, binary.toString());
        assertOneLineError(Result.of("explain", "pods", "-A", "--snapshot", "/no/such/file.yaml"), 65, "no such file");
    }

    @Test
    void malformedKubeconfigAndUnknownContext() throws IOException {
        Path kc = Files.createTempFile("bad", ".kubeconfig");
        Files.writeString(kc, "clusters: [this is: not: valid\n");
        assertOneLineError(Result.of("explain", "pod/web", "--kubeconfig", kc.toString()), 65, "malformed kubeconfig");
        try (MockCluster c = cluster()) {
            assertOneLineError(c.run("explain", "pod/web", "-n", "shop", "--context", "nope"), 64,
                    "context \"nope\" not found");
        }
    }

    @Test
    void anUnparseableInjectorConfigIsAFindingNotACrash() {
        try (MockCluster c = new MockCluster()) {
            c.apply(Fixtures.join(INSTALL.replace("policy: enabled", "policy: [enabled"),
                    Fixtures.namespace("shop", "istio-injection", "enabled"), Fixtures.pod("shop", "web", null, false, false)));
            Result r = c.run("explain", "pod/web", "-n", "shop");
            assertThat(r.err()).isEmpty();
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.out()).contains("ID0302").contains("not valid YAML at line");
        }
    }
}
