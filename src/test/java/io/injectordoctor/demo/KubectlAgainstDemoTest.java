package io.injectordoctor.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real kubectl against the demo cluster, through the kubeconfig it writes. Skipped without kubectl. */
class KubectlAgainstDemoTest {
    @TempDir
    static Path dir;
    private static DemoCluster demo;
    private static Path kubeconfig;

    @BeforeAll
    static void start() {
        assumeTrue(kubectl() != null, "kubectl is not on the PATH");
        demo = DemoCluster.start(Scenario.HEALTHY);
        kubeconfig = dir.resolve("kubeconfig");
        demo.writeKubeconfig(kubeconfig);
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void getPodsInAllNamespacesListsTheDemoPods() throws Exception {
        Result r = run("get", "pods", "-A");
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).contains("tt-01-match-enabled-true", "tt-12-nomatch-disabled-absent",
                "coredns-6f6b679f8f-9xk4q", "node-exporter-host", "istiod-7b9f6c5d8-k2x7p");
        assertThat(r.out.lines().filter(l -> l.startsWith("opt-in ")).count()).isGreaterThanOrEqualTo(5);
        // The READY column comes from the Table the demo serves: 2/2 means the sidecar is there.
        assertThat(r.out).containsPattern("opt-in +tt-01-match-enabled-true +2/2 +Running")
                .containsPattern("opt-in +tt-02-match-enabled-false +1/1 +Running");
    }

    @Test
    void readsTheWebhookConfigurationsAndTheInjectorConfigmap() throws Exception {
        Result mwc = run("get", "mutatingwebhookconfiguration", "istio-sidecar-injector",
                "-o", "jsonpath={.webhooks[*].name}");
        assertThat(mwc.code).as(mwc.err).isZero();
        assertThat(mwc.out).contains("namespace.sidecar-injector.istio.io", "auto.sidecar-injector.istio.io");
        Result cm = run("-n", "istio-system", "get", "configmap", "istio-sidecar-injector",
                "-o", "jsonpath={.data.config}");
        assertThat(cm.out).contains("policy: enabled");
    }

    @Test
    void labelsANamespaceAndAppliesANewObject() throws Exception {
        Result label = run("label", "namespace", "unlabelled", "team=demo");
        assertThat(label.code).as(label.err).isZero();
        assertThat(demo.client().namespaces().withName("unlabelled").get().getMetadata().getLabels())
                .containsEntry("team", "demo");

        Path pod = dir.resolve("pod.yaml");
        Files.writeString(pod, String.join("\n",
                "apiVersion: v1", "kind: Pod", "metadata:", "  name: applied-by-kubectl", "  namespace: opt-in",
                "spec:", "  containers:", "  - name: app", "    image: docker.io/library/nginx:1.27", ""));
        Result apply = run("apply", "--validate=false", "-f", pod.toString());
        assertThat(apply.code).as(apply.err).isZero();
        assertThat(demo.client().pods().inNamespace("opt-in").withName("applied-by-kubectl").get()).isNotNull();
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(kubectl(), "--kubeconfig", kubeconfig.toString(),
                "--cache-dir", dir.resolve("cache").toString(), "--request-timeout", "20s"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    static String kubectl() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String d : path.split(File.pathSeparator)) {
            Path candidate = Path.of(d, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
