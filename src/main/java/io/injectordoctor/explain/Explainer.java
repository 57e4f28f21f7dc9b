package io.injectordoctor.explain;

import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.decision.AdmissionOutcome;
import io.injectordoctor.decision.Decision;
import io.injectordoctor.decision.HookEvaluation;
import io.injectordoctor.decision.InjectionSubject;
import io.injectordoctor.mesh.IstioVersion;
import io.injectordoctor.decision.Reason;
import io.injectordoctor.decision.ReasonCode;
import io.injectordoctor.decision.Refusal;
import io.injectordoctor.decision.ReferenceInjector;
import io.injectordoctor.decision.RequestUser;
import io.injectordoctor.model.NamespaceInfo;
import io.injectordoctor.model.ObjectMeta;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.model.WorkloadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds explanations from a snapshot: the reference decision, the observed state, agreement or
 * mismatch with its likely causes, and the commands that fix it. Pure.
 */
public final class Explainer {
    private final ClusterSnapshot snapshot;
    private final ReferenceInjector injector;
    private final Map<String, ReferenceInjector.PreparedNamespace> namespaces = new java.util.HashMap<>();

    public Explainer(ClusterSnapshot snapshot, IstioVersion versionOverride) {
        this(snapshot, versionOverride, null);
    }

    /** @param user who creates the pods (--as, --as-group), or null when not known */
    public Explainer(ClusterSnapshot snapshot, IstioVersion versionOverride, RequestUser user) {
        this.snapshot = snapshot;
        this.injector = ReferenceInjector.of(snapshot, versionOverride, user);
    }

    /** The reference injector for a snapshot; checks use this too, so that nobody recomputes the decision. */
    public static ReferenceInjector referenceInjector(ClusterSnapshot s, IstioVersion versionOverride) {
        return ReferenceInjector.of(s, versionOverride);
    }

    public Decision decide(String namespace, ObjectMeta meta, boolean hostNetwork) {
        return injector.decide(InjectionSubject.of(namespace, meta, hostNetwork), namespace(namespace));
    }

    /** Once per namespace: its labels, and every hook's namespaceSelector evaluated against them. */
    private ReferenceInjector.PreparedNamespace namespace(String namespace) {
        return namespaces.computeIfAbsent(namespace == null ? "" : namespace, n -> injector.prepare(
                snapshot.namespace(namespace).map(NamespaceInfo::effectiveLabels)
                        .orElseGet(() -> new NamespaceInfo(ObjectMeta.of(null, namespace)).effectiveLabels())));
    }

    public Explanation explainPod(PodInfo pod) {
        String ns = pod.meta().namespace();
        Decision d = decide(ns, pod.meta(), pod.spec().hostNetwork());
        Explanation.Observed observed = new Explanation.Observed(pod.hasProxy(), pod.hasStatusAnnotation(),
                pod.hasNativeSidecarProxy());
        // A refused or undecided admission has no verdict to hold the running pod against.
        Boolean consistent = comparable(d) ? d.inject() == pod.hasProxy() : null;
        List<Explanation.Finding> findings = decisionFindings(d);
        List<String> causes = new ArrayList<>();
        List<String> fix = new ArrayList<>();
        if (Boolean.FALSE.equals(consistent)) {
            Mismatch m = Mismatch.analyse(pod, d, snapshot);
            findings.add(0, (d.inject() ? ExplainFinding.SIDECAR_MISSING : ExplainFinding.SIDECAR_UNEXPECTED)
                    .with(m.summary()));
            causes.addAll(m.causes());
            fix.addAll(m.fix());
        } else {
            fix.addAll(Remedies.toChangeVerdict(d, ns, pod.meta(), snapshot));
        }
        return new Explanation(Explanation.SCHEMA_VERSION, new Explanation.Subject("Pod", ns, pod.meta().name()),
                injector(d), reference(d), observed, consistent, findings, causes, fix, List.of());
    }

    public Explanation explainWorkload(WorkloadInfo w) {
        String ns = w.meta().namespace();
        Decision d = decide(ns, w.templateMeta(), w.templateSpec().hostNetwork());
        List<Explanation.Finding> findings = decisionFindings(d);
        workloadMetadataFinding(w).ifPresent(findings::add);
        return new Explanation(Explanation.SCHEMA_VERSION, new Explanation.Subject(w.kind(), ns, w.meta().name()),
                injector(d), reference(d), null, null, findings, List.of(),
                Remedies.toChangeVerdict(d, ns, w.templateMeta(), snapshot), List.of());
    }

    /** A manifest not applied yet: the namespace may not even exist. */
    public Explanation explainManifest(String kind, String namespace, String name, ObjectMeta meta, boolean hostNetwork,
            Optional<WorkloadInfo> workload) {
        Decision d = decide(namespace, meta, hostNetwork);
        List<Explanation.Finding> findings = decisionFindings(d);
        workload.flatMap(Explainer::workloadMetadataFinding).ifPresent(findings::add);
        List<String> notes = new ArrayList<>();
        if (snapshot.isLoaded(io.injectordoctor.cluster.ResourceKind.NAMESPACE)
                && snapshot.namespace(namespace).isEmpty()) {
            notes.add("Namespace " + namespace + " does not exist yet; the verdict assumes it will be created "
                    + "without labels. Create it with the labels it needs before applying the manifest.");
        }
        return new Explanation(Explanation.SCHEMA_VERSION, new Explanation.Subject(kind, namespace, name),
                injector(d), reference(d), null, null, findings, List.of(),
                Remedies.toChangeVerdict(d, namespace, meta, snapshot), notes);
    }

    /** Runbook: "The deployment's metadata is ignored." An inject key there and not on the template is a trap. */
    static Optional<Explanation.Finding> workloadMetadataFinding(WorkloadInfo w) {
        String key = IstioLayout.INJECT;
        String own = w.meta().annotations().getOrDefault(key, w.meta().labels().get(key));
        boolean onTemplate = w.templateMeta().annotations().containsKey(key) || w.templateMeta().labels().containsKey(key);
        if (own == null || onTemplate) {
            return Optional.empty();
        }
        String where = w.meta().annotations().containsKey(key) ? "annotation" : "label";
        return Optional.of(ExplainFinding.WORKLOAD_METADATA.with(w.kind() + " " + w.meta().qualifiedName() + " has the "
                + where + " " + key + "=\"" + own + "\" on its own metadata, not on its pod template; Istio ignores it."));
    }

    private static boolean comparable(Decision d) {
        return d.admission() == AdmissionOutcome.CALLED || d.admission() == AdmissionOutcome.NOT_CALLED;
    }

    static List<Explanation.Finding> decisionFindings(Decision d) {
        List<Explanation.Finding> out = new ArrayList<>();
        if (d.refusal() != null) {
            out.add(ExplainFinding.ADMISSION_REFUSED.with("The API server refuses to create pods like this (HTTP "
                    + d.refusal().httpCode() + "): " + d.refusal().message()));
        }
        for (Reason r : d.reasons()) {
            switch (r.code()) {
                case MULTIPLE_HOOKS_MATCHED -> out.add(ExplainFinding.DOUBLE_INJECTION.with(r.message()));
                case INJECTOR_CONFIG_MISSING -> out.add(ExplainFinding.INJECTOR_CONFIG_MISSING.with(r.message()));
                case INJECTOR_CONFIG_UNPARSEABLE -> out.add(ExplainFinding.INJECTOR_CONFIG_UNPARSEABLE.with(r.message()));
                case POLICY_ILLEGAL -> out.add(ExplainFinding.POLICY_ILLEGAL.with(r.message()));
                default -> {
                }
            }
        }
        return out;
    }

    static Explanation.Injector injector(Decision d) {
        Decision.InjectorInfo i = d.injector();
        return new Explanation.Injector(i.version(), i.rules().title(), i.revision(), i.versionSource(), i.configMap());
    }

    static Explanation.Reference reference(Decision d) {
        List<Explanation.Webhook> hooks = new ArrayList<>();
        for (HookEvaluation h : d.hooks()) {
            hooks.add(new Explanation.Webhook(h.configuration(), h.name(), h.revision(), h.calledOrUnknown(),
                    h.reached() ? h.outcome().word() : "not-reached", h.deactivated(), h.evidence()));
        }
        List<Explanation.ReasonView> reasons = new ArrayList<>();
        for (Reason r : d.reasons()) {
            reasons.add(new Explanation.ReasonView(r.code().name(), r.message(), r.evidence()));
        }
        Refusal r = d.refusal();
        Explanation.Refusal refusal = r == null ? null
                : new Explanation.Refusal(r.code().name(), r.hook(), r.httpCode(), r.statusReason(), r.message());
        return new Explanation.Reference(d.injectOrUnknown(), d.admission().word(), refusal, hooks, reasons,
                d.decisive() == null ? null : d.decisive().code().name());
    }

    static boolean has(Decision d, ReasonCode c) {
        return d.has(c);
    }
}
