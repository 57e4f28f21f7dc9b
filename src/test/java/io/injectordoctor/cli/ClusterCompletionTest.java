package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.injectordoctor.testing.MockCluster;
import io.injectordoctor.testing.MockCluster.Result;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completion of names from the cluster: one request, nothing printed when the cluster cannot answer. */
class ClusterCompletionTest {
    private static final String OBJECTS = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web-0
              namespace: shop
            spec:
              containers:
              - {name: web, image: nginx}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: cart-1
              namespace: shop
            spec:
              containers:
              - {name: cart, image: nginx}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
            spec:
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - {name: web, image: nginx}
            """;

    @Test
    void podsAndWorkloadsOfTheNamespaceComeFromOneRequest() {
        try (MockCluster c = new MockCluster()) {
            c.apply(OBJECTS);
            int before = c.requestCount();
            Result pods = Result.of("__complete", "pod/", "--kubeconfig", c.kubeconfig().toString(), "-n", "shop");
            assertThat(pods.exitCode()).isZero();
            assertThat(pods.out().lines()).containsExactlyInAnyOrder("pod/web-0", "pod/cart-1");
            assertThat(c.requestCount() - before).isEqualTo(1);

            Result deployments = Result.of("__complete", "deployment/", "--kubeconfig", c.kubeconfig().toString(),
                    "-n", "shop");
            assertThat(deployments.out().lines()).containsExactly("deployment/web");
            Result namespaces = Result.of("__complete", "namespaces", "--kubeconfig", c.kubeconfig().toString());
            assertThat(namespaces.out().lines()).contains("shop");
            Result nsObjects = Result.of("__complete", "namespace/", "--kubeconfig", c.kubeconfig().toString());
            assertThat(nsObjects.out().lines()).contains("namespace/shop");
        }
    }

    @Test
    void contextsAndCheckIdsNeedNoRequest() throws Exception {
        try (MockCluster c = new MockCluster()) {
            int before = c.requestCount();
            assertThat(Result.of("__complete", "contexts", "--kubeconfig", c.kubeconfig().toString()).out().lines())
                    .containsExactly("mock");
            assertThat(Result.of("__complete", "checks").out().lines()).contains("ID0101", "ID0601", "ID0901");
            assertThat(c.requestCount()).isEqualTo(before);
        }
    }

    @Test
    void aClusterThatDoesNotAnswerGivesNothingWithinTheTimeout(@TempDir Path dir) throws Exception {
        // A listening socket that never accepts: the request waits until the completion's own timeout.
        try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Path kubeconfig = dir.resolve("kubeconfig");
            Files.writeString(kubeconfig, MockCluster.kubeconfigText(silent.getLocalPort()));
            long start = System.nanoTime();
            Result r = Result.of("__complete", "pod/", "--kubeconfig", kubeconfig.toString());
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEmpty();
            assertThat(seconds).isLessThan(10);
        }
    }

    @Test
    void theBashScriptAsksTheToolForPodNamesWithTheFlagsOfTheCommandLine(@TempDir Path dir) throws Exception {
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "bash is not installed");
        try (MockCluster c = new MockCluster()) {
            c.apply(OBJECTS);
            // The tool as the user would call it: a launcher running this build's classes.
            Path tool = dir.resolve("injector-doctor");
            Files.writeString(tool, "#!/bin/bash\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                    + "' -cp '" + System.getProperty("java.class.path") + "' io.injectordoctor.cli.Main \"$@\"\n");
            Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
            Path script = dir.resolve("completion.bash");
            Files.writeString(script, DemoCliRunner.run("completion", "bash").out());
            String probe = "source " + script + "\n"
                    + "COMP_WORDS=(" + tool + " explain --kubeconfig " + c.kubeconfig() + " -n shop pod/w)\n"
                    + "COMP_CWORD=6\n"
                    + "_injector_doctor_cluster_injector_doctor\n"
                    + "printf '%s\\n' \"${COMPREPLY[@]}\"\n"
                    + "COMP_WORDS=(" + tool + " check --only ID080); COMP_CWORD=3\n"
                    + "_injector_doctor_cluster_injector_doctor\n"
                    + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
            Process p = new ProcessBuilder(bash.toString(), "-c", probe).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(out.lines()).contains("pod/web-0", "ID0801", "ID0802", "ID0803", "ID0804")
                    .doesNotContain("pod/cart-1", "ID0901");
        }
    }
}
