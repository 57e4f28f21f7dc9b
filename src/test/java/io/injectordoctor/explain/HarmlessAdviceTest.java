package io.injectordoctor.explain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.injectordoctor.demo.DemoCluster;
import io.injectordoctor.demo.Scenario;
import io.injectordoctor.testing.MockCluster.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Advice is never harmful: over every demo scenario, no command that explain (of every pod and every
 * namespace) or check gives restarts, deletes, relabels or patches mesh infrastructure (the ztunnel
 * and istio-cni DaemonSets, waypoints, gateways istiod deploys), and none turns the ambient namespace
 * into a sidecar namespace. istiod is restarted only through restart-injector, which is not a
 * kubectl line and is allowed.
 */
class HarmlessAdviceTest {
    /** One kubectl command of a line: up to the end of a quoted command, a pipe, a ';' or an '&&'. */
    private static final Pattern KUBECTL = Pattern.compile("kubectl [^;|'&]*");
    /** A kubectl command that changes something. */
    private static final Pattern CHANGING = Pattern.compile(
            "\\b(rollout|delete|label|annotate|patch|scale|edit|set|replace|apply)\\b");
    /**
     * The mesh infrastructure of the demo, by the names its charts and istiod give it, anything in
     * istio-system but istiod, and the namespace istio-system put under injection.
     */
    private static final Pattern INFRASTRUCTURE = Pattern.compile(
            "ztunnel|istio-cni|waypoint|gateway-istio|-n istio-system (?!.*istiod)"
            + "|namespace istio-system .*(istio-injection=enabled|istio\\.io/rev=)");
    private static final Pattern AMBIENT_TO_SIDECAR = Pattern.compile(
            "kubectl label (namespace|ns) ambient-shop .*(istio-injection=enabled|istio\\.io/rev=)");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void noCommandTouchesMeshInfrastructure(Scenario scenario) {
        List<String> commands = new ArrayList<>();
        int explained = 0;
        try (DemoCluster demo = DemoCluster.start(scenario)) {
            Path kubeconfig = dir.resolve(scenario.cliName() + ".kubeconfig");
            demo.writeKubeconfig(kubeconfig);
            String k = kubeconfig.toString();
            collect(commands, Result.of("explain", "pods", "-A", "--kubeconfig", k, "--no-color"));
            collect(commands, Result.of("check", "--kubeconfig", k, "--no-color", "--verbose"));
            for (Pod pod : demo.client().pods().inAnyNamespace().list().getItems()) {
                collect(commands, Result.of("explain", "pod/" + pod.getMetadata().getName(), "-n",
                        pod.getMetadata().getNamespace(), "--kubeconfig", k, "--no-color"));
                explained++;
            }
            for (Namespace ns : demo.client().namespaces().list().getItems()) {
                collect(commands, Result.of("explain", "namespace/" + ns.getMetadata().getName(), "--kubeconfig", k,
                        "--no-color"));
            }
        }
        assertThat(explained).isGreaterThanOrEqualTo(20);
        assertThat(commands).as("commands given in scenario %s", scenario).isNotEmpty();
        assertThat(commands).filteredOn(c -> CHANGING.matcher(c).find() && INFRASTRUCTURE.matcher(c).find())
                .as("commands that change mesh infrastructure").isEmpty();
        assertThat(commands).filteredOn(c -> AMBIENT_TO_SIDECAR.matcher(c).find())
                .as("commands that move the ambient namespace to sidecars").isEmpty();
    }

    /** The self-test of the patterns: the advice the issue reported is caught. */
    @org.junit.jupiter.api.Test
    void thePatternsCatchTheHarmfulAdviceOfOld() {
        String old = "kubectl -n istio-system rollout restart daemonset/ztunnel";
        assertThat(CHANGING.matcher(old).find() && INFRASTRUCTURE.matcher(old).find()).isTrue();
        String istiod = "kubectl -n istio-system rollout restart deployment/istiod";
        assertThat(CHANGING.matcher(istiod).find() && INFRASTRUCTURE.matcher(istiod).find()).isFalse();
        String injectIstioSystem = "kubectl label namespace istio-system istio-injection=enabled --overwrite";
        assertThat(CHANGING.matcher(injectIstioSystem).find() && INFRASTRUCTURE.matcher(injectIstioSystem).find()).isTrue();
        assertThat(KUBECTL.matcher("then 'kubectl -n istio-system rollout restart deployment/istiod'. x: kubectl get cm | md5sum")
                .results().map(m -> m.group().trim()).toList())
                .containsExactly("kubectl -n istio-system rollout restart deployment/istiod", "kubectl get cm");
        assertThat(AMBIENT_TO_SIDECAR.matcher("kubectl label namespace ambient-shop istio-injection=enabled --overwrite")
                .find()).isTrue();
    }

    private static void collect(List<String> commands, Result r) {
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        r.out().lines().forEach(l -> KUBECTL.matcher(l).results().map(m -> m.group().trim()).forEach(commands::add));
    }
}
