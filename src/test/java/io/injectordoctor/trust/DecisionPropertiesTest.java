package io.injectordoctor.trust;

import io.injectordoctor.mesh.IstioLayout;
import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.explain.Explainer;
import io.injectordoctor.decision.Decision;
import io.injectordoctor.decision.InjectRequired;
import io.injectordoctor.decision.InjectionSubject;
import io.injectordoctor.decision.InjectorConfig;
import io.injectordoctor.decision.InjectorInstall;
import io.injectordoctor.decision.ReferenceInjector;
import io.injectordoctor.mesh.RuleSet;
import io.injectordoctor.model.ConfigMapInfo;
import io.injectordoctor.model.ContainerInfo;
import io.injectordoctor.model.LabelSelector;
import io.injectordoctor.model.LabelSelector.Requirement;
import io.injectordoctor.model.ObjectMeta;
import io.injectordoctor.model.PodSpecInfo;
import io.injectordoctor.model.Webhook;
import io.injectordoctor.model.WebhookConfiguration;
import io.injectordoctor.model.WorkloadInfo;
import io.injectordoctor.testing.Fixtures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The decision never throws, and its security rules and the seed's truth table hold for generated inputs. */
class DecisionPropertiesTest {
    private static final String INJECT = IstioLayout.INJECT;
    private static final List<String> INTERESTING = List.of("", "true", "false", "TRUE", "yes", "enabled", "disabled",
            INJECT, "istio-injection", "istio.io/rev", "default", "In", "NotIn", "Exists", "DoesNotExist",
            "kube-system", "istio-system", "1.27.1", "never-match", "istio.io/deactivated", "{", "policy: [", "\u0000",
            "\uD83D\uDE00", "x".repeat(300));
    private static final ReferenceInjector MODERN = injector(Fixtures.modernInstall("default", "enabled",
            "docker.io/istio/pilot:1.27.1"));
    private static final ReferenceInjector LEGACY_ENABLED = injector(
            Fixtures.legacyInjector("enabled", "docker.io/istio/sidecar_injector:1.4.10"));
    private static final ReferenceInjector LEGACY_DISABLED = injector(
            Fixtures.legacyInjector("disabled", "docker.io/istio/sidecar_injector:1.4.10"));

    private static ReferenceInjector injector(String yaml) {
        ClusterSnapshot s = Fixtures.snapshot(yaml);
        return ReferenceInjector.of(s, null);
    }

    // ---- (b) never throws -------------------------------------------------------------------

    @Property(tries = 400)
    void stageBNeverThrows(@ForAll("text") String ns, @ForAll("stringMaps") Map<String, String> labels,
            @ForAll("stringMaps") Map<String, String> annotations, @ForAll boolean hostNetwork, @ForAll("text") String policy,
            @ForAll("selectorLists") List<LabelSelector> never, @ForAll("selectorLists") List<LabelSelector> always,
            @ForAll RuleSet rules) {
        InjectRequired.Result r = InjectRequired.evaluate(new InjectionSubject(ns, labels, annotations, hostNetwork),
                new InjectorConfig("istio-system/istio-sidecar-injector", policy, never, always, null), rules);
        assertThat(r.reasons()).isNotEmpty().allSatisfy(x -> assertThat(x.message()).isNotBlank());
    }

    @Property(tries = 300)
    void bothStagesNeverThrow(@ForAll("text") String ns, @ForAll("stringMaps") Map<String, String> labels,
            @ForAll("stringMaps") Map<String, String> annotations, @ForAll("stringMaps") Map<String, String> nsLabels,
            @ForAll("text") String hookName, @ForAll("text") String revision, @ForAll("text") String serviceNs,
            @ForAll("text") String configText, @ForAll("text") String imageTag,
            @ForAll("selectors") LabelSelector nsSelector, @ForAll("selectors") LabelSelector objSelector) {
        Map<String, String> cfgLabels = new HashMap<>();
        cfgLabels.put("istio.io/rev", revision);
        Webhook hook = new Webhook(hookName + ".istio.io",
                List.of(new Webhook.Rule(List.of("CREATE"), List.of(""), List.of("v1"), List.of("pods"), null)),
                nsSelector, objSelector, new Webhook.ClientConfig(
                        new Webhook.ServiceReference(serviceNs, "istiod", "/inject", 443), null, ""),
                "Fail", "None", null, null, null, List.of("v1"), List.of());
        WebhookConfiguration mwc = new WebhookConfiguration("admissionregistration.k8s.io/v1",
                new ObjectMeta(null, "istio-sidecar-injector", cfgLabels, Map.of(), null, null, List.of(), null), List.of(hook));
        ConfigMapInfo cm = new ConfigMapInfo(ObjectMeta.of(serviceNs, IstioLayout.injectorConfigMap(revision)),
                Map.of("config", configText));
        ConfigMapInfo cm2 = new ConfigMapInfo(ObjectMeta.of(serviceNs, IstioLayout.injectorConfigMap("default")),
                Map.of("config", "policy: " + configText + "\nneverInjectSelector: [{matchExpressions: [{key: a, operator: "
                        + configText + "}]}]"));
        WorkloadInfo dep = new WorkloadInfo("Deployment", ObjectMeta.of(serviceNs, "istiod"), ObjectMeta.of(null, null),
                new PodSpecInfo(false, List.of(new ContainerInfo("discovery", "docker.io/istio/pilot:" + imageTag, null)),
                        List.of(), null, null), Map.of(), 1, false, null);
        ReferenceInjector ri = new ReferenceInjector(List.of(mwc, mwc), new InjectorInstall(serviceNs, List.of(cm, cm2),
                List.of(dep)), null);
        Decision d = ri.decide(new InjectionSubject(ns, labels, annotations, false), nsLabels);
        assertThat(d.reasons()).isNotEmpty();
        assertThat(d.decisive()).isNotNull();
    }

    // ---- (c) invariants ----------------------------------------------------------------------

    @Property(tries = 300)
    void hostNetworkNeverInjects(@ForAll("text") String ns, @ForAll("stringMaps") Map<String, String> labels,
            @ForAll("stringMaps") Map<String, String> annotations, @ForAll("stringMaps") Map<String, String> nsLabels,
            @ForAll boolean forceTrue, @ForAll RuleSet rules, @ForAll("selectorLists") List<LabelSelector> always) {
        Map<String, String> l = withInject(labels, forceTrue);
        Map<String, String> a = withInject(annotations, forceTrue);
        InjectionSubject pod = new InjectionSubject(ns, l, a, true);
        assertThat(InjectRequired.evaluate(pod, new InjectorConfig("cm", "enabled", List.of(), always, null), rules).inject())
                .isFalse();
        for (ReferenceInjector ri : List.of(MODERN, LEGACY_ENABLED)) {
            assertThat(ri.decide(pod, optIn(nsLabels, ns)).inject()).isFalse();
        }
    }

    @Property(tries = 300)
    void anIgnoredNamespaceNeverInjects(@ForAll RuleSet rules, @ForAll("stringMaps") Map<String, String> labels,
            @ForAll("stringMaps") Map<String, String> annotations, @ForAll("stringMaps") Map<String, String> nsLabels,
            @ForAll boolean forceTrue, @ForAll("selectorLists") List<LabelSelector> always, @ForAll("index") int pick) {
        List<String> ignored = rules.ignoredNamespaces();
        String ns = ignored.get(Math.floorMod(pick, ignored.size()));
        InjectionSubject pod = new InjectionSubject(ns, withInject(labels, forceTrue), withInject(annotations, forceTrue), false);
        assertThat(InjectRequired.evaluate(pod, new InjectorConfig("cm", "enabled", List.of(), always, null), rules).inject())
                .as("%s in %s", pod, rules).isFalse();
        // Today's layout runs the 1.27 rules, which ignore all four of these namespaces.
        String modernNs = RuleSet.ISTIO_1_27_PLUS.ignoredNamespaces().get(Math.floorMod(pick, 4));
        InjectionSubject modernPod = new InjectionSubject(modernNs, pod.labels(), pod.annotations(), false);
        assertThat(MODERN.decide(modernPod, optIn(nsLabels, modernNs)).inject()).isFalse();
    }

    @Property(tries = 300)
    void anExplicitFalseLabelNeverInjects(@ForAll("text") String ns, @ForAll("stringMaps") Map<String, String> labels,
            @ForAll("stringMaps") Map<String, String> annotations, @ForAll("stringMaps") Map<String, String> nsLabels,
            @ForAll boolean annotationTrue, @ForAll("selectorLists") List<LabelSelector> always, @ForAll("text") String policy) {
        Map<String, String> l = new HashMap<>(labels);
        l.put(INJECT, "false");
        Map<String, String> a = new HashMap<>(annotations);
        if (annotationTrue) {
            a.put(INJECT, "true");
        }
        InjectionSubject pod = new InjectionSubject(ns, l, a, false);
        // Stage A: every hook of today's layout excludes the label with its objectSelector.
        Decision d = MODERN.decide(pod, optIn(nsLabels, ns));
        assertThat(d.matchedHooks()).isEmpty();
        assertThat(d.inject()).isFalse();
        // Stage B: the injectors that read the label (1.13 on) refuse too, whatever the config says.
        for (RuleSet rules : List.of(RuleSet.ISTIO_1_13_TO_1_26, RuleSet.ISTIO_1_27_PLUS)) {
            assertThat(InjectRequired.evaluate(pod, new InjectorConfig("cm", policy, List.of(), always, null), rules).inject())
                    .isFalse();
        }
    }

    /** The seed's twelve rows, for any other labels and annotations that do not touch the keys involved. */
    @Property(tries = 400)
    void theSeedTruthTableHolds(@ForAll boolean namespaceLabelled, @ForAll boolean policyEnabled,
            @ForAll("annotationValue") String annotation, @ForAll("nsName") String ns,
            @ForAll("otherMaps") Map<String, String> podLabels, @ForAll("otherMaps") Map<String, String> podAnnotations,
            @ForAll("otherMaps") Map<String, String> nsLabels) {
        Map<String, String> a = new HashMap<>(podAnnotations);
        if (!annotation.isEmpty()) {
            a.put(INJECT, annotation);
        }
        Map<String, String> n = new HashMap<>(nsLabels);
        n.put("kubernetes.io/metadata.name", ns);
        if (namespaceLabelled) {
            n.put("istio-injection", "enabled");
        }
        boolean expected = namespaceLabelled && (annotation.equals("true") || (annotation.isEmpty() && policyEnabled));
        ReferenceInjector ri = policyEnabled ? LEGACY_ENABLED : LEGACY_DISABLED;
        Decision d = ri.decide(new InjectionSubject(ns, podLabels, a, false), n);
        assertThat(d.inject()).as("labelled=%s policy=%s annotation=%s", namespaceLabelled, policyEnabled, annotation)
                .isEqualTo(expected);
    }

    // ---- generators --------------------------------------------------------------------------

    private static Map<String, String> withInject(Map<String, String> m, boolean on) {
        Map<String, String> out = new HashMap<>(m);
        if (on) {
            out.put(INJECT, "true");
        }
        return out;
    }

    /** Namespace labels that would select today's default hooks, plus whatever was generated. */
    private static Map<String, String> optIn(Map<String, String> generated, String ns) {
        Map<String, String> out = new HashMap<>(generated);
        out.putIfAbsent("istio-injection", "enabled");
        out.put("kubernetes.io/metadata.name", ns);
        return out;
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(16), Arbitraries.of(INTERESTING));
    }

    @Provide
    Arbitrary<Map<String, String>> stringMaps() {
        return Arbitraries.maps(text(), text()).ofMaxSize(5);
    }

    @Provide
    Arbitrary<LabelSelector> selectors() {
        Arbitrary<String> op = Arbitraries.oneOf(Arbitraries.of("In", "NotIn", "Exists", "DoesNotExist"), text(),
                Arbitraries.just(null));
        Arbitrary<Requirement> req = Combinators.combine(text(), op, text().list().ofMaxSize(3)).as(Requirement::new);
        Arbitrary<LabelSelector> s = Combinators.combine(stringMaps(), req.list().ofMaxSize(3)).as(LabelSelector::new);
        return Arbitraries.oneOf(s, Arbitraries.just(null));
    }

    @Provide
    Arbitrary<List<LabelSelector>> selectorLists() {
        return selectors().filter(s -> s != null).list().ofMaxSize(3);
    }

    @Provide
    Arbitrary<Integer> index() {
        return Arbitraries.integers().between(0, 3);
    }

    @Provide
    Arbitrary<String> annotationValue() {
        return Arbitraries.of("true", "false", "");
    }

    @Provide
    Arbitrary<String> nsName() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('-').ofMinLength(1).ofMaxLength(12)
                .filter(s -> !s.equals("kube-system") && !s.equals("kube-public"));
    }

    @Provide
    Arbitrary<Map<String, String>> otherMaps() {
        return Arbitraries.maps(text().filter(k -> !k.equals(INJECT) && !k.equals("istio-injection")
                && !k.equals("kubernetes.io/metadata.name")), text()).ofMaxSize(4);
    }
}
