package io.injectordoctor.cli;

import static io.injectordoctor.testing.AdmissionFixtures.POD_RULES;
import static io.injectordoctor.testing.AdmissionFixtures.cluster;
import static io.injectordoctor.testing.AdmissionFixtures.hook;
import static io.injectordoctor.testing.AdmissionFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * CEL costs start-up time, so a run whose hooks have no matchConditions must not load a single
 * CEL class; a run that evaluates one does. Each run is a fresh JVM listing the classes it loads
 * (-verbose:class): in this JVM, other tests may have loaded CEL already.
 */
class CelLoadedOnlyWhenNeededTest {
    static final String NS = "namespaceSelector: {matchLabels: {istio-injection: enabled}}\n";

    @Test
    void noMatchConditionsNoCel() throws Exception {
        String out = run(cluster("istio-sidecar-injector", hook("a.sidecar-injector.istio.io", POD_RULES + NS)));
        assertThat(out).contains("io.injectordoctor.decision.ReferenceInjector").doesNotContain("dev.cel.");
    }

    @Test
    void aMatchConditionLoadsCel() throws Exception {
        String out = run(cluster("istio-sidecar-injector", hook("a.sidecar-injector.istio.io", POD_RULES + NS
                + "matchConditions:\n- {name: c, expression: \"request.namespace == 'shop'\"}\n")));
        assertThat(out).contains("io.injectordoctor.decision.cel.CelConditionEngine").contains("dev.cel.");
    }

    private static String run(String clusterYaml) throws IOException, InterruptedException {
        Path file = Fixtures.writeTemp(clusterYaml + pod("shop", "web", "app", "web"));
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(List.of(java, "-Xshare:off", "-verbose:class", "-cp",
                System.getProperty("java.class.path"), "io.injectordoctor.cli.Main", "explain", "pod/web", "-n", "shop",
                "-o", "json", "--snapshot", file.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isIn(0, 1);
        return out;
    }
}
