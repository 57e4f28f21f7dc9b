package io.injectordoctor.decision;

import static io.injectordoctor.testing.Fixtures.join;
import static io.injectordoctor.testing.Fixtures.modernInstall;
import static io.injectordoctor.testing.Fixtures.namespace;
import static io.injectordoctor.testing.Fixtures.revisionTag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.model.NamespaceInfo;
import io.injectordoctor.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A namespace prepared once for all its pods gives each pod the decision it gets on its own. */
class PreparedNamespaceTest {
    private static final ClusterSnapshot CLUSTER = Fixtures.snapshot(join(
            modernInstall("default", "enabled", "docker.io/istio/pilot:1.27.1"),
            modernInstall("canary", "disabled", "docker.io/istio/pilot:1.28.0"),
            revisionTag("prod", "canary"),
            namespace("opt-in", "istio-injection", "enabled"), namespace("rev", "istio.io/rev", "canary"),
            namespace("tag", "istio.io/rev", "prod"), namespace("off", "istio-injection", "disabled"),
            namespace("plain"), namespace("both", "istio-injection", "enabled", "istio.io/rev", "canary")));

    private static List<String> trace(Decision d) {
        List<String> out = new ArrayList<>();
        out.add("inject=" + d.inject() + " decisive=" + d.decisive().code() + " rules=" + d.injector().rules());
        d.reasons().forEach(r -> out.add(r.code() + ": " + r.message() + " " + r.evidence()));
        d.hooks().forEach(h -> out.add(h.qualifiedName() + " matched=" + h.matched() + " " + h.evidence()));
        return out;
    }

    @Test
    void everyPodOfEveryNamespaceGetsTheSameDecisionAndTrace() {
        ReferenceInjector injector = ReferenceInjector.of(CLUSTER, null);
        List<Map<String, String>> podLabels = List.of(Map.of(), Map.of("sidecar.istio.io/inject", "true"),
                Map.of("sidecar.istio.io/inject", "false"), Map.of("istio.io/rev", "canary"), Map.of("app", "web"));
        int compared = 0;
        for (NamespaceInfo ns : CLUSTER.namespaces()) {
            ReferenceInjector.PreparedNamespace prepared = injector.prepare(ns.effectiveLabels());
            for (Map<String, String> labels : podLabels) {
                for (String annotation : new String[] {null, "true", "false"}) {
                    Map<String, String> annotations = annotation == null ? Map.of()
                            : Map.of("sidecar.istio.io/inject", annotation);
                    InjectionSubject pod = new InjectionSubject(ns.name(), labels, annotations, false);
                    assertThat(trace(injector.decide(pod, prepared)))
                            .as("%s %s %s", ns.name(), labels, annotations)
                            .isEqualTo(trace(injector.decide(pod, ns.effectiveLabels())));
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(CLUSTER.namespaces().size() * 15);
    }

    @Test
    void aNamespacePreparedByAnotherInjectorIsRefused() {
        ReferenceInjector a = ReferenceInjector.of(CLUSTER, null);
        ReferenceInjector b = ReferenceInjector.of(CLUSTER, null);
        ReferenceInjector.PreparedNamespace ns = a.prepare(Map.of("istio-injection", "enabled"));
        assertThatThrownBy(() -> b.decide(new InjectionSubject("x", Map.of(), Map.of(), false), ns))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
