package io.injectordoctor.bench;

import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.explain.Explainer;
import io.injectordoctor.decision.Decision;
import io.injectordoctor.decision.InjectRequired;
import io.injectordoctor.decision.InjectionSubject;
import io.injectordoctor.decision.InjectorConfig;
import io.injectordoctor.decision.InjectorConfigParser;
import io.injectordoctor.decision.ReferenceInjector;
import io.injectordoctor.mesh.RuleSet;
import io.injectordoctor.model.NamespaceInfo;
import io.injectordoctor.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the pure decision engine, one pod evaluation per operation, on a realistic install:
 * today's chart with the default revision (four hooks) plus a canary revision and a revision tag
 * (three more configurations), and pods spread over namespaces that opt in by label, by revision,
 * opt out, or say nothing, with and without a sidecar.istio.io/inject label or annotation.
 * Run by scripts/bench/decision.sh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecisionBenchmark {
    private static final int SUBJECTS = 1024;

    private ReferenceInjector injector;
    private InjectorConfig config;
    private InjectionSubject[] subjects;
    private Map<String, String>[] namespaceLabels;
    private ReferenceInjector.PreparedNamespace[] namespaces;
    private int next;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        String image = "docker.io/istio/pilot:1.27.1";
        List<String> docs = new ArrayList<>(List.of(
                Fixtures.namespace("istio-system"),
                Fixtures.modernInstall("default", "enabled", image),
                Fixtures.modernInstall("canary", "enabled", "docker.io/istio/pilot:1.28.0"),
                Fixtures.revisionTag("prod", "canary")));
        String[][] nsLabels = {
            {"istio-injection", "enabled"}, {"istio.io/rev", "default"}, {"istio.io/rev", "canary"},
            {"istio.io/rev", "prod"}, {"istio-injection", "disabled"}, {}};
        for (int i = 0; i < nsLabels.length; i++) {
            docs.add(Fixtures.namespace("ns-" + i, nsLabels[i]));
        }
        docs.add(Fixtures.namespace("kube-system"));
        ClusterSnapshot s = Fixtures.snapshot(Fixtures.join(docs.toArray(String[]::new)));
        injector = ReferenceInjector.of(s, null);
        config = InjectorConfigParser.parse("istio-system/istio-sidecar-injector", """
                policy: enabled
                alwaysInjectSelector:
                - matchLabels: {inject-me: "yes"}
                neverInjectSelector:
                - matchExpressions:
                  - {key: batch, operator: Exists}
                """);
        subjects = new InjectionSubject[SUBJECTS];
        namespaceLabels = new Map[SUBJECTS];
        namespaces = new ReferenceInjector.PreparedNamespace[SUBJECTS];
        Map<String, ReferenceInjector.PreparedNamespace> prepared = new java.util.HashMap<>();
        String[] values = {null, "true", "false", "enabled", "yes"};
        for (int i = 0; i < SUBJECTS; i++) {
            String ns = i % 17 == 0 ? "kube-system" : "ns-" + (i % nsLabels.length);
            Map<String, String> labels = new java.util.HashMap<>(Map.of("app", "web-" + i, "version", "v1",
                    "pod-template-hash", Integer.toHexString(0x5d8f7c9 + i)));
            Map<String, String> annotations = new java.util.HashMap<>(Map.of("prometheus.io/scrape", "true"));
            String v = values[i % values.length];
            if (v != null) {
                (i % 2 == 0 ? labels : annotations).put(IstioLayout.INJECT, v);
            }
            if (i % 11 == 0) {
                labels.put("batch", "nightly");
            }
            subjects[i] = new InjectionSubject(ns, labels, annotations, i % 23 == 0);
            namespaceLabels[i] = s.namespace(ns).map(NamespaceInfo::effectiveLabels).orElseThrow();
            // As explain does: each namespace prepared once, for all its pods.
            Map<String, String> labelsOfNs = namespaceLabels[i];
            namespaces[i] = prepared.computeIfAbsent(ns, n -> injector.prepare(labelsOfNs));
        }
    }

    /** Both stages with the full trace: what explain computes for every pod, its namespace prepared once. */
    @Benchmark
    public Decision decide() {
        int i = next++ & (SUBJECTS - 1);
        return injector.decide(subjects[i], namespaces[i]);
    }

    /** The same, preparing the namespace for every pod: the cost for a single pod. */
    @Benchmark
    public Decision decideUnprepared() {
        int i = next++ & (SUBJECTS - 1);
        return injector.decide(subjects[i], namespaceLabels[i]);
    }

    /** Stage B alone (the injector's own injectRequired). */
    @Benchmark
    public InjectRequired.Result injectRequired() {
        int i = next++ & (SUBJECTS - 1);
        return InjectRequired.evaluate(subjects[i], config, RuleSet.ISTIO_1_27_PLUS);
    }
}
