package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.ExitCode;
import io.injectordoctor.testing.MockCluster;
import io.injectordoctor.testing.MockCluster.Result;
import org.junit.jupiter.api.Test;

/** explain pod/x without -n, when x lives in another namespace: the error says where, at one request's cost. */
class PodInAnotherNamespaceTest {
    private static final String SHOP = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: default
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web-0
              namespace: shop
            spec:
              containers:
              - {name: web, image: nginx}
            """;

    @Test
    void theErrorNamesTheNamespaceThatHoldsThePodWithOneMoreRequest() {
        try (MockCluster c = new MockCluster()) {
            c.apply(SHOP);
            int start = c.requestCount();
            Result explicit = c.run("explain", "pod/web-0", "-n", "default");
            int withN = c.requestCount() - start;
            assertThat(explicit.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(explicit.err()).doesNotContain("exists in");

            start = c.requestCount();
            Result r = c.run("explain", "pod/web-0");
            assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(r.err().strip())
                    .isEqualTo("error: pod web-0 not found in namespace default; it exists in namespace shop: add -n shop");
            assertThat(c.requestCount() - start).isEqualTo(withN + 1);
        }
    }

    @Test
    void aPodThatIsNowhereKeepsThePlainError() {
        try (MockCluster c = new MockCluster()) {
            c.apply(SHOP);
            Result r = c.run("explain", "pod/nowhere");
            assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).contains("not found").doesNotContain("exists in");
        }
    }

    @Test
    void aSnapshotSaysWhereToo() {
        Result r = Result.of("explain", "pod/cart-5c8d7f9b4-xyz12", "--snapshot", "docs/examples/cluster-snapshot.yaml");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("it exists in namespace shop: add -n shop");
    }
}
