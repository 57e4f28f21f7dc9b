package io.injectordoctor.decision;

import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.mesh.RuleSet;
import io.injectordoctor.mesh.IstioVersion;
import static io.injectordoctor.decision.Reason.evidence;

import io.injectordoctor.model.Webhook;
import io.injectordoctor.model.WebhookConfiguration;
import io.injectordoctor.model.WorkloadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The single source of truth for "should this pod have been injected?". Stage A (which hooks the
 * API server calls) then Stage B (whether the called injector mutates), with every step traced.
 * Pure: it reads only the objects it is given.
 */
public final class ReferenceInjector {
    private final List<WebhookConfiguration> configurations;
    private final InjectorInstall install;
    private final IstioVersion versionOverride;
    private final Map<String, Decision.InjectorInfo> injectorInfos = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * What does not depend on the pod, worked out once per injection hook: a whole-cluster audit
     * decides for every pod against every hook.
     */
    private final class Hook {
        final WebhookConfiguration configuration;
        final Webhook webhook;
        final String revision;
        final String tag;
        final boolean deactivated;
        final boolean rules;
        final String namespace;
        final String configMap;
        final String qualifiedName;
        final CompiledSelector namespaceSelector;
        final CompiledSelector objectSelector;
        /** The injector a pod this hook selects is sent to. */
        final Decision.InjectorInfo info;
        /** The same for a pod this hook comes closest to selecting: no injector config applies. */
        final Decision.InjectorInfo closestInfo;
        // Parsed on first use; two threads may both parse it, to the same value.
        private volatile Optional<InjectorConfig> config;

        Hook(WebhookConfiguration c, Webhook h) {
            this.configuration = c;
            this.webhook = h;
            this.revision = WebhookMatcher.revisionOf(c, h);
            this.tag = c.meta().labels().get(IstioLayout.TAG);
            this.deactivated = WebhookMatcher.isDeactivated(h);
            this.rules = WebhookMatcher.rulesCoverPodCreate(h.rules());
            this.namespace = install.namespaceOf(h);
            this.configMap = namespace + "/" + IstioLayout.injectorConfigMap(revision);
            this.qualifiedName = c.name() + "/" + h.name();
            this.info = injectorInfo(h, revision, configMap);
            this.closestInfo = injectorInfo(h, revision, null);
            this.namespaceSelector = new CompiledSelector(h.namespaceSelector());
            this.objectSelector = new CompiledSelector(h.objectSelector());
        }

        HookEvaluation evaluate(SelectorResult namespaceResult, Map<String, String> podLabels) {
            return new HookEvaluation(configuration.name(), webhook.name(), qualifiedName, revision, tag, deactivated, rules,
                    namespaceResult, objectSelector, podLabels);
        }

        Optional<InjectorConfig> config() {
            Optional<InjectorConfig> c = config;
            if (c == null) {
                c = install.config(namespace, revision);
                config = c;
            }
            return c;
        }
    }

    /**
     * A namespace's labels with every hook's namespaceSelector already evaluated against them, so
     * that the pods of a namespace share that work. For the thread that prepared it.
     */
    public final class PreparedNamespace {
        private final Map<String, String> labels;
        private final SelectorResult[] results;

        private PreparedNamespace(Map<String, String> labels) {
            this.labels = labels;
            this.results = new SelectorResult[injectionHooks.size()];
            for (int i = 0; i < results.length; i++) {
                results[i] = new SelectorResult(injectionHooks.get(i).namespaceSelector, labels).evaluated();
            }
        }

        public Map<String, String> labels() {
            return labels;
        }

        private ReferenceInjector owner() {
            return ReferenceInjector.this;
        }
    }

    private final List<Hook> injectionHooks = new ArrayList<>();

    /** @param versionOverride the version to apply (--istio-version), or null to detect it */
    public ReferenceInjector(List<WebhookConfiguration> configurations, InjectorInstall install,
            IstioVersion versionOverride) {
        this.configurations = List.copyOf(configurations);
        this.install = install;
        this.versionOverride = versionOverride;
        for (WebhookConfiguration c : this.configurations) {
            for (Webhook h : c.webhooks()) {
                if (WebhookMatcher.isInjectionHook(h)) {
                    injectionHooks.add(new Hook(c, h));
                }
            }
        }
    }

    /** The reference injector of a snapshot: its webhook configurations and control plane. */
    public static ReferenceInjector of(io.injectordoctor.cluster.ClusterSnapshot s, IstioVersion versionOverride) {
        return new ReferenceInjector(s.webhookConfigurations(), InjectorInstall.of(s), versionOverride);
    }

    /** Evaluates every hook's namespaceSelector against these labels once, for all the namespace's pods. */
    public PreparedNamespace prepare(Map<String, String> namespaceLabels) {
        return new PreparedNamespace(namespaceLabels);
    }

    public Decision decide(InjectionSubject pod, Map<String, String> namespaceLabels) {
        return decide(pod, prepare(namespaceLabels));
    }

    public Decision decide(InjectionSubject pod, PreparedNamespace namespace) {
        if (namespace.owner() != this) {
            throw new IllegalArgumentException("the namespace was prepared by another reference injector");
        }
        int n = injectionHooks.size();
        List<HookEvaluation> hooks = new ArrayList<>(n);
        List<HookEvaluation> matched = new ArrayList<>(2);
        List<Hook> matchedHooks = new ArrayList<>(2);
        for (int i = 0; i < n; i++) {
            Hook h = injectionHooks.get(i);
            HookEvaluation e = h.evaluate(namespace.results[i], pod.labels());
            hooks.add(e);
            if (e.matched()) {
                matched.add(e);
                matchedHooks.add(h);
            }
        }
        List<Reason> reasons = new ArrayList<>();
        if (hooks.isEmpty()) {
            reasons.add(Reason.of(ReasonCode.NO_INJECTION_WEBHOOK,
                    evidence("mutatingWebhookConfigurations", configurations.stream().map(WebhookConfiguration::name).toList())));
            return new Decision(false, hooks, reasons, injectorInfo(null, "default", null));
        }
        if (matched.isEmpty()) {
            HookEvaluation closest = closest(hooks);
            reasons.add(Reason.lazy(ReasonCode.NO_HOOK_MATCHED, () -> evidence("closestHook", closest.qualifiedName(),
                    "failedTerms", failedTerms(closest)), closest.qualifiedName()));
            Hook hook = injectionHooks.get(hooks.indexOf(closest));
            return new Decision(false, hooks, reasons, noteVersion(hook.closestInfo, reasons));
        }
        if (matched.size() > 1) {
            reasons.add(Reason.of(ReasonCode.MULTIPLE_HOOKS_MATCHED,
                    evidence("hooks", matched.stream().map(HookEvaluation::qualifiedName).toList()), matched.size()));
        }
        boolean inject = false;
        Decision.InjectorInfo primary = null;
        for (int i = 0; i < matched.size(); i++) {
            HookEvaluation m = matched.get(i);
            Hook facts = matchedHooks.get(i);
            Webhook hook = facts.webhook;
            reasons.add(Reason.lazy(ReasonCode.HOOK_MATCHED, () -> evidence("configuration", m.configuration(),
                    "hook", m.name(), "revision", m.revision(), "evidence", m.evidence()), m.qualifiedName(), m.revision()));
            if (hook.matchConditionCount() > 0) {
                reasons.add(Reason.of(ReasonCode.MATCH_CONDITIONS_NOT_EVALUATED,
                        evidence("matchConditions", hook.matchConditionCount()), m.qualifiedName()));
            }
            String cmName = facts.configMap;
            Decision.InjectorInfo info = facts.info;
            if (primary == null) {
                primary = info;
            }
            Optional<InjectorConfig> config = facts.config();
            if (config.isEmpty()) {
                reasons.add(Reason.of(ReasonCode.INJECTOR_CONFIG_MISSING, evidence("configMap", cmName,
                        "failurePolicy", hook.failurePolicy()), cmName));
                continue;
            }
            if (!config.get().parsed()) {
                reasons.add(Reason.of(ReasonCode.INJECTOR_CONFIG_UNPARSEABLE, evidence("configMap", cmName,
                        "error", config.get().parseError()), cmName, config.get().parseError()));
                continue;
            }
            InjectRequired.Result b = InjectRequired.evaluate(pod, config.get(), info.rules());
            reasons.addAll(b.reasons());
            inject |= b.inject();
        }
        return new Decision(inject, hooks, reasons, noteVersion(primary, reasons));
    }

    private Decision.InjectorInfo noteVersion(Decision.InjectorInfo info, List<Reason> reasons) {
        if (info.version() == null) {
            reasons.add(Reason.of(ReasonCode.VERSION_UNKNOWN, evidence("rules", info.rules().title()),
                    info.rules().title()));
        }
        return info;
    }

    /** The same for every pod a hook serves, so it is worked out once per hook. */
    private Decision.InjectorInfo injectorInfo(Webhook hook, String revision, String configMap) {
        String key = System.identityHashCode(hook) + "/" + revision + "/" + configMap;
        return injectorInfos.computeIfAbsent(key, k -> computeInjectorInfo(hook, revision, configMap));
    }

    private Decision.InjectorInfo computeInjectorInfo(Webhook hook, String revision, String configMap) {
        if (versionOverride != null) {
            return new Decision.InjectorInfo(revision, versionOverride.toString(), "--istio-version",
                    RuleSet.forVersion(versionOverride), configMap);
        }
        String ns = install.namespaceOf(hook);
        Optional<WorkloadInfo> dep = install.deployment(ns, hook, revision);
        Optional<IstioVersion> v = dep.flatMap(InjectorInstall::version);
        String source = dep.isPresent() ? "image of deployment " + dep.get().meta().qualifiedName() : "not found";
        return new Decision.InjectorInfo(revision, v.map(IstioVersion::toString).orElse(null),
                v.isPresent() ? source : source + " (no version in its image tag)",
                RuleSet.forVersion(v.orElse(null)), configMap);
    }

    /** The hook the subject came closest to matching: active hooks first, then fewest failed terms. */
    public static HookEvaluation closest(List<HookEvaluation> hooks) {
        HookEvaluation best = null;
        long bestRank = Long.MAX_VALUE;
        for (HookEvaluation h : hooks) {
            // Active before deactivated, covering rules before not, then fewest failed terms; first wins a tie.
            long rank = (h.deactivated() ? 1L << 40 : 0) + (h.rulesMatch() ? 0 : 1L << 20)
                    + h.namespaceSelector().failedTerms() + h.objectSelector().failedTerms();
            if (rank < bestRank) {
                best = h;
                bestRank = rank;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no hook to rank");
        }
        return best;
    }

    private static List<String> failedTerms(HookEvaluation h) {
        List<String> out = new ArrayList<>();
        h.namespaceSelector().terms().stream().filter(t -> !t.satisfied())
                .forEach(t -> out.add("namespaceSelector " + t.requirement() + " (" + t.observed() + ")"));
        h.objectSelector().terms().stream().filter(t -> !t.satisfied())
                .forEach(t -> out.add("objectSelector " + t.requirement() + " (" + t.observed() + ")"));
        if (h.deactivated()) {
            out.add(0, "the hook is deactivated (never-match)");
        }
        return out;
    }
}
