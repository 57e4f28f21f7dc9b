package io.injectordoctor.decision;

import static io.injectordoctor.decision.Reason.evidence;

import io.injectordoctor.mesh.IstioVersion;
import io.injectordoctor.mesh.RuleSet;
import io.injectordoctor.model.Webhook;
import io.injectordoctor.model.WebhookConfiguration;
import io.injectordoctor.model.WorkloadInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The single source of truth for "should this pod have been injected?". Stage A (what the API
 * server does at each injection hook: call it, skip it, or refuse the CREATE) then Stage B
 * (whether a called injector mutates), with every step traced. Pure: it reads only the objects it
 * is given.
 */
public final class ReferenceInjector {
    private final List<WebhookConfiguration> configurations;
    private final InjectorInstall install;
    private final IstioVersion versionOverride;
    private final RequestUser user;
    private final Map<String, Decision.InjectorInfo> injectorInfos = new java.util.concurrent.ConcurrentHashMap<>();
    /** In the API server's order: configurations by name, hooks in their order (mutating_webhook_manager.go). */
    private final List<InjectionHook> injectionHooks = new ArrayList<>();

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

    /** @param versionOverride the version to apply (--istio-version), or null to detect it */
    public ReferenceInjector(List<WebhookConfiguration> configurations, InjectorInstall install,
            IstioVersion versionOverride) {
        this(configurations, install, versionOverride, null);
    }

    /** @param user who creates the pods (--as, --as-group), or null when not known */
    public ReferenceInjector(List<WebhookConfiguration> configurations, InjectorInstall install,
            IstioVersion versionOverride, RequestUser user) {
        this.configurations = List.copyOf(configurations);
        this.install = install;
        this.versionOverride = versionOverride;
        this.user = user;
        List<WebhookConfiguration> ordered = new ArrayList<>(this.configurations);
        ordered.sort(Comparator.comparing(c -> c.name() == null ? "" : c.name()));
        for (WebhookConfiguration c : ordered) {
            for (Webhook h : c.webhooks()) {
                if (WebhookMatcher.isInjectionHook(h)) {
                    String rev = WebhookMatcher.revisionOf(c, h);
                    String ns = install.namespaceOf(h);
                    String cm = ns + "/" + io.injectordoctor.mesh.IstioLayout.injectorConfigMap(rev);
                    injectionHooks.add(new InjectionHook(c, h, ns, injectorInfo(h, rev, cm), injectorInfo(h, rev, null),
                            () -> install.config(ns, rev)));
                }
            }
        }
    }

    /** The reference injector of a snapshot: its webhook configurations and control plane. */
    public static ReferenceInjector of(io.injectordoctor.cluster.ClusterSnapshot s, IstioVersion versionOverride) {
        return of(s, versionOverride, null);
    }

    public static ReferenceInjector of(io.injectordoctor.cluster.ClusterSnapshot s, IstioVersion versionOverride,
            RequestUser user) {
        return new ReferenceInjector(s.webhookConfigurations(), InjectorInstall.of(s), versionOverride, user);
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
        List<Reason> reasons = new ArrayList<>();
        if (injectionHooks.isEmpty()) {
            reasons.add(Reason.of(ReasonCode.NO_INJECTION_WEBHOOK,
                    evidence("mutatingWebhookConfigurations", configurations.stream().map(WebhookConfiguration::name).toList())));
            return new Decision(false, AdmissionOutcome.NOT_CALLED, null, List.of(), reasons, injectorInfo(null, "default", null));
        }
        AdmissionWalk walk = new AdmissionWalk(injectionHooks, pod, namespace.results, user);
        reasons.addAll(walk.reasons());
        List<HookEvaluation> called = walk.called();
        if (walk.outcome() == AdmissionOutcome.NOT_CALLED) {
            HookEvaluation closest = closest(walk.hooks());
            reasons.add(Reason.lazy(ReasonCode.NO_HOOK_MATCHED, () -> evidence("closestHook", closest.qualifiedName(),
                    "failedTerms", failedTerms(closest)), closest.qualifiedName()));
            InjectionHook hook = injectionHooks.get(walk.hooks().indexOf(closest));
            return new Decision(false, AdmissionOutcome.NOT_CALLED, null, walk.hooks(), reasons,
                    noteVersion(hook.closestInfo, reasons));
        }
        if (called.size() > 1) {
            reasons.add(Reason.of(ReasonCode.MULTIPLE_HOOKS_MATCHED,
                    evidence("hooks", called.stream().map(HookEvaluation::qualifiedName).toList()), called.size()));
        }
        boolean inject = false;
        Decision.InjectorInfo primary = null;
        Refusal denied = null;
        for (HookEvaluation m : called) {
            InjectionHook facts = injectionHooks.get(walk.hooks().indexOf(m));
            primary = primary == null ? facts.info : primary;
            if (denied != null) {
                // The API server stops at the hook whose injector denied the request.
                m.notReached();
                continue;
            }
            StageB b = stageB(pod, m, facts, reasons);
            inject |= b.inject();
            denied = b.refusal();
        }
        if (primary == null) {
            // Refused or unknown before any injector is called: the first hook that applies names the injector.
            primary = injectionHooks.get(walk.hooks().indexOf(walk.first())).info;
        }
        if (denied != null && walk.outcome() == AdmissionOutcome.CALLED) {
            return new Decision(false, AdmissionOutcome.REFUSED, denied, walk.hooks(), reasons, noteVersion(primary, reasons));
        }
        return new Decision(walk.outcome() == AdmissionOutcome.CALLED && inject, walk.outcome(), walk.refusal(), walk.hooks(), reasons,
                noteVersion(primary, reasons));
    }

    /** What one called injector does: inject or not, or deny the request (then {@code refusal} is set). */
    private record StageB(boolean inject, Refusal refusal) {
    }

    /** Stage B for one called hook: its injector config, then istiod's injectRequired, then its templates. */
    private static StageB stageB(InjectionSubject pod, HookEvaluation m, InjectionHook facts, List<Reason> reasons) {
        Webhook hook = facts.webhook;
        reasons.add(Reason.lazy(ReasonCode.HOOK_MATCHED, () -> evidence("configuration", m.configuration(),
                "hook", m.name(), "revision", m.revision(), "evidence", m.evidence()), m.qualifiedName(), m.revision()));
        String cmName = facts.configMap;
        Optional<InjectorConfig> config = facts.config();
        if (config.isEmpty()) {
            reasons.add(Reason.of(ReasonCode.INJECTOR_CONFIG_MISSING, evidence("configMap", cmName,
                    "failurePolicy", hook.failurePolicy()), cmName));
            return new StageB(false, null);
        }
        if (!config.get().parsed()) {
            reasons.add(Reason.of(ReasonCode.INJECTOR_CONFIG_UNPARSEABLE, evidence("configMap", cmName,
                    "error", config.get().parseError()), cmName, config.get().parseError()));
            return new StageB(false, null);
        }
        InjectRequired.Result b = InjectRequired.evaluate(pod, config.get(), facts.info.rules());
        reasons.addAll(b.reasons());
        if (!b.inject()) {
            return new StageB(false, null);
        }
        Refusal refusal = TemplateCheck.check(pod, config.get(), facts, m, reasons);
        return new StageB(refusal == null, refusal);
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
        String ns = install.namespaceOf(hook);
        Optional<WorkloadInfo> dep = install.deployment(ns, hook, revision);
        Decision.NativeSidecarsEnv env = dep.map(d -> new Decision.NativeSidecarsEnv(true,
                InjectorInstall.env(d, io.injectordoctor.mesh.IstioLayout.NATIVE_SIDECARS_ENV)))
                .orElse(Decision.NativeSidecarsEnv.NOT_READ);
        if (versionOverride != null) {
            return new Decision.InjectorInfo(revision, versionOverride.toString(), "--istio-version",
                    RuleSet.forVersion(versionOverride), configMap, env);
        }
        Optional<IstioVersion> v = dep.flatMap(InjectorInstall::version);
        String source = dep.isPresent() ? "image of deployment " + dep.get().meta().qualifiedName() : "not found";
        return new Decision.InjectorInfo(revision, v.map(IstioVersion::toString).orElse(null),
                v.isPresent() ? source : source + " (no version in its image tag)",
                RuleSet.forVersion(v.orElse(null)), configMap, env);
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
        if (h.conditions() != null && h.conditions().decisive() != null) {
            out.add(h.conditions().decisive().describe());
        }
        if (h.deactivated()) {
            out.add(0, "the hook is deactivated (never-match)");
        }
        return out;
    }
}
