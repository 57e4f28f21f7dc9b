package io.injectordoctor.decision;

import io.injectordoctor.mesh.RuleSet;
import io.injectordoctor.mesh.IstioVersion;
import static io.injectordoctor.testing.Fixtures.join;
import static io.injectordoctor.testing.Fixtures.modernInstall;
import static io.injectordoctor.testing.Fixtures.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.explain.Explainer;
import io.injectordoctor.model.NamespaceInfo;
import io.injectordoctor.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stage A on today's layout: revisions, tags, deactivated hooks, overlaps, and the config each hook leads to. */
class ReferenceInjectorTest {
    private static final String IMAGE = "docker.io/istio/pilot:1.27.1";

    private static Decision decide(String yaml, String ns, Map<String, String> podLabels) {
        ClusterSnapshot s = Fixtures.snapshot(yaml);
        Map<String, String> nsLabels = s.namespace(ns).map(NamespaceInfo::effectiveLabels).orElseThrow();
        return ReferenceInjector.of(s, null).decide(new InjectionSubject(ns, podLabels, Map.of(), false), nsLabels);
    }

    @Test
    void optInNamespaceIsServedByTheNamespaceHook() {
        Decision d = decide(join(modernInstall("default", "enabled", IMAGE), namespace("shop", "istio-injection", "enabled")),
                "shop", Map.of());
        assertThat(d.inject()).isTrue();
        assertThat(d.matchedHooks()).extracting(HookEvaluation::name).containsExactly("namespace.sidecar-injector.istio.io");
        assertThat(d.injector().version()).isEqualTo("1.27.1");
        assertThat(d.injector().rules()).isEqualTo(RuleSet.ISTIO_1_27_PLUS);
        assertThat(d.injector().configMap()).isEqualTo("istio-system/istio-sidecar-injector");
    }

    @Test
    void unlabelledNamespaceIsNotInjectedAndTheClosestHookIsNamed() {
        Decision d = decide(join(modernInstall("default", "enabled", IMAGE), namespace("plain")), "plain", Map.of());
        assertThat(d.inject()).isFalse();
        assertThat(d.decisive().code()).isEqualTo(ReasonCode.NO_HOOK_MATCHED);
        assertThat(d.decisive().evidence()).containsKey("closestHook");
    }

    @Test
    void optOutValuesOfIstioInjectionMatchNoHook() {
        for (String v : new String[] {"disabled", "true", "Enabled", ""}) {
            Decision d = decide(join(modernInstall("default", "enabled", IMAGE), namespace("ns", "istio-injection", v)),
                    "ns", Map.of());
            assertThat(d.inject()).as("istio-injection=%s", v).isFalse();
            assertThat(d.matchedHooks()).isEmpty();
        }
    }

    @Test
    void podLabelTrueInAnUnlabelledNamespaceCallsTheObjectHook() {
        Decision d = decide(join(modernInstall("default", "disabled", IMAGE), namespace("plain")), "plain",
                Map.of("sidecar.istio.io/inject", "true"));
        assertThat(d.matchedHooks()).extracting(HookEvaluation::name).containsExactly("object.sidecar-injector.istio.io");
        assertThat(d.inject()).isTrue();
    }

    @Test
    void podLabelFalseStopsEveryHookButTheAnnotationDoesNot() {
        String yaml = join(modernInstall("default", "enabled", IMAGE), namespace("shop", "istio-injection", "enabled"));
        assertThat(decide(yaml, "shop", Map.of("sidecar.istio.io/inject", "false")).matchedHooks()).isEmpty();
    }

    @Test
    void revisionLabelledNamespaceUsesThatRevisionsConfigAndVersion() {
        String yaml = join(modernInstall("default", "enabled", IMAGE),
                modernInstall("canary", "disabled", "docker.io/istio/pilot:1.20.2"),
                namespace("canary-apps", "istio.io/rev", "canary"));
        Decision d = decide(yaml, "canary-apps", Map.of());
        assertThat(d.matchedHooks()).extracting(HookEvaluation::qualifiedName)
                .containsExactly("istio-sidecar-injector-canary/rev.namespace.sidecar-injector.istio.io");
        assertThat(d.injector().revision()).isEqualTo("canary");
        assertThat(d.injector().configMap()).isEqualTo("istio-system/istio-sidecar-injector-canary");
        assertThat(d.injector().version()).isEqualTo("1.20.2");
        assertThat(d.injector().rules()).isEqualTo(RuleSet.ISTIO_1_13_TO_1_26);
        // canary's policy is disabled: no injection without an explicit request.
        assertThat(d.inject()).isFalse();
        assertThat(d.decisive().code()).isEqualTo(ReasonCode.POLICY_DISABLED);
    }

    @Test
    void istioInjectionWinsOverIstioIoRev() {
        String yaml = join(modernInstall("default", "enabled", IMAGE),
                modernInstall("canary", "enabled", IMAGE),
                namespace("both", "istio-injection", "enabled", "istio.io/rev", "canary"));
        Decision d = decide(yaml, "both", Map.of());
        assertThat(d.matchedHooks()).extracting(HookEvaluation::qualifiedName)
                .containsExactly("istio-sidecar-injector/namespace.sidecar-injector.istio.io");
    }

    @Test
    void podRevisionLabelInAnUnlabelledNamespaceCallsThatRevisionsObjectHook() {
        String yaml = join(modernInstall("default", "enabled", IMAGE), modernInstall("canary", "enabled", IMAGE),
                namespace("plain"));
        Decision d = decide(yaml, "plain", Map.of("istio.io/rev", "canary"));
        assertThat(d.matchedHooks()).extracting(HookEvaluation::qualifiedName)
                .containsExactly("istio-sidecar-injector-canary/rev.object.sidecar-injector.istio.io");
    }

    @Test
    void aRevisionTagLeadsToTheRevisionItPointsAt() {
        String yaml = join(modernInstall("canary", "enabled", "docker.io/istio/pilot:1.22.3"),
                Fixtures.revisionTag("prod", "canary"), namespace("apps", "istio.io/rev", "prod"));
        Decision d = decide(yaml, "apps", Map.of());
        assertThat(d.matchedHooks()).extracting(HookEvaluation::qualifiedName)
                .containsExactly("istio-revision-tag-prod/rev.namespace.sidecar-injector.istio.io");
        assertThat(d.matchedHooks().get(0).tag()).isEqualTo("prod");
        assertThat(d.injector().configMap()).isEqualTo("istio-system/istio-sidecar-injector-canary");
        assertThat(d.injector().version()).isEqualTo("1.22.3");
        assertThat(d.inject()).isTrue();
    }

    @Test
    void deactivatedHooksNeverMatchAndTheDefaultTagTakesOver() {
        String deactivated = modernInstall("default", "enabled", IMAGE)
                .replaceAll("(?s)namespaceSelector:\\n    matchExpressions:\\n(    - .*?\\n      .*?\\n(      values.*?\\n)?)+",
                        "namespaceSelector:\n    matchLabels: {istio.io/deactivated: never-match}\n");
        String yaml = join(deactivated, modernInstall("canary", "enabled", IMAGE), Fixtures.revisionTag("default", "canary"),
                namespace("shop", "istio-injection", "enabled"));
        Decision d = decide(yaml, "shop", Map.of());
        assertThat(d.hooks()).filteredOn(h -> h.configuration().equals("istio-sidecar-injector"))
                .isNotEmpty().allMatch(HookEvaluation::deactivated).noneMatch(HookEvaluation::matched);
        assertThat(d.matchedHooks()).extracting(HookEvaluation::qualifiedName)
                .containsExactly("istio-revision-tag-default/namespace.sidecar-injector.istio.io");
        assertThat(d.injector().revision()).isEqualTo("canary");
    }

    @Test
    void twoConfigurationsSelectingTheSamePodAreADoubleInjection() {
        String other = modernInstall("default", "enabled", IMAGE)
                .replace("name: istio-sidecar-injector\n", "name: istio-sidecar-injector-leftover\n")
                .replaceAll("(?s)---\\napiVersion: v1\\nkind: ConfigMap.*", "");
        String yaml = join(modernInstall("default", "enabled", IMAGE), other, namespace("shop", "istio-injection", "enabled"));
        Decision d = decide(yaml, "shop", Map.of());
        assertThat(d.matchedHooks()).hasSize(2);
        assertThat(d.has(ReasonCode.MULTIPLE_HOOKS_MATCHED)).isTrue();
    }

    @Test
    void aMissingInjectorConfigMeansCreationFailsNotInjection() {
        String yaml = join(modernInstall("default", "enabled", IMAGE).replaceAll("(?s)---\\napiVersion: v1\\nkind: ConfigMap.*?---\\n", "---\n"),
                namespace("shop", "istio-injection", "enabled"));
        Decision d = decide(yaml, "shop", Map.of());
        assertThat(d.inject()).isFalse();
        assertThat(d.reason(ReasonCode.INJECTOR_CONFIG_MISSING)).hasValueSatisfying(r ->
                assertThat(r.message()).contains("pod creation fails"));
    }

    @Test
    void anUnparseableInjectorConfigIsReportedNotThrown() {
        String yaml = join(modernInstall("default", "enabled", IMAGE).replace("policy: enabled", "policy: [enabled"),
                namespace("shop", "istio-injection", "enabled"));
        Decision d = decide(yaml, "shop", Map.of());
        assertThat(d.inject()).isFalse();
        assertThat(d.reason(ReasonCode.INJECTOR_CONFIG_UNPARSEABLE)).hasValueSatisfying(r ->
                assertThat(r.message()).contains("not valid YAML at line"));
    }

    @Test
    void unknownVersionAppliesTheCurrentRulesAndSaysSo() {
        String yaml = join(modernInstall("default", "enabled", "docker.io/istio/pilot:latest"),
                namespace("shop", "istio-injection", "enabled"));
        Decision d = decide(yaml, "shop", Map.of());
        assertThat(d.injector().version()).isNull();
        assertThat(d.injector().rules()).isEqualTo(RuleSet.ISTIO_1_27_PLUS);
        assertThat(d.has(ReasonCode.VERSION_UNKNOWN)).isTrue();
    }

    @Test
    void anExplicitVersionOverridesTheImage() {
        ClusterSnapshot s = Fixtures.snapshot(join(modernInstall("default", "enabled", IMAGE),
                namespace("shop", "istio-injection", "enabled")));
        Decision d = ReferenceInjector.of(s, IstioVersion.parse("1.12").orElseThrow()).decide(
                new InjectionSubject("shop", Map.of(), Map.of(), false),
                s.namespace("shop").orElseThrow().effectiveLabels());
        assertThat(d.injector().version()).isEqualTo("1.12.0");
        assertThat(d.injector().versionSource()).isEqualTo("--istio-version");
        assertThat(d.injector().rules()).isEqualTo(RuleSet.ISTIO_1_9_TO_1_12);
    }

    @Test
    void noInjectionWebhookAtAll() {
        Decision d = decide(namespace("shop", "istio-injection", "enabled"), "shop", Map.of());
        assertThat(d.inject()).isFalse();
        assertThat(d.decisive().code()).isEqualTo(ReasonCode.NO_INJECTION_WEBHOOK);
    }
}
