package io.injectordoctor.explain;

import io.injectordoctor.checks.SubjectScope;
import io.injectordoctor.checks.pods.PodVerdicts;
import io.injectordoctor.decision.SidecarMode;
import io.injectordoctor.model.ProxyObservation;
import java.util.Map;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.checks.CheckRegistry;
import io.injectordoctor.checks.PodCheck;
import io.injectordoctor.checks.RunOptions;
import io.injectordoctor.checks.Runner;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.decision.AdmissionOutcome;
import io.injectordoctor.decision.Decision;
import io.injectordoctor.decision.HookEvaluation;
import io.injectordoctor.decision.InjectionSubject;
import io.injectordoctor.decision.Reason;
import io.injectordoctor.decision.Refusal;
import io.injectordoctor.decision.RequestUser;
import io.injectordoctor.model.ObjectMeta;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.model.WorkloadInfo;
import io.injectordoctor.report.CheckReport;
import io.injectordoctor.report.CheckResult;
import io.injectordoctor.report.Explanation;
import io.injectordoctor.report.Finding;
import io.injectordoctor.report.NamespaceExplanation;
import io.injectordoctor.report.PodRow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Explanations of one subject: the reference decision and its trace, the observed state, and the
 * check catalogue's findings about the subject and what it depends on ({@link SubjectScope}): the
 * same checks, ids, severities and fixes as {@code check}. Pure: it reads only its context.
 */
public final class Explainer {
    private final CheckContext context;
    private final CheckRegistry registry;
    private CheckReport catalogue;

    public Explainer(CheckContext context, CheckRegistry registry) {
        this.context = context;
        this.registry = registry;
    }

    /** The built-in catalogue over a snapshot, with the rules of {@code version} (null: the injector's own). */
    public static Explainer of(ClusterSnapshot snapshot, io.injectordoctor.mesh.IstioVersion version) {
        return of(snapshot, version, null);
    }

    /** @param user who creates the pods (--as, --as-group), or null when not known */
    public static Explainer of(ClusterSnapshot snapshot, io.injectordoctor.mesh.IstioVersion version, RequestUser user) {
        return new Explainer(new CheckContext(snapshot, java.time.Clock.systemUTC(), version, user),
                CheckRegistry.builtIn());
    }

    public CheckContext context() {
        return context;
    }

    /** The decision for pods created in {@code namespace}; a namespace that does not exist yet counts as unlabelled. */
    public Decision decide(String namespace, ObjectMeta meta, boolean hostNetwork) {
        return context.decide(namespace, InjectionSubject.of(namespace, meta, hostNetwork));
    }

    public Explanation explainPod(PodInfo pod) {
        return explainPod(pod, true);
    }

    /**
     * One pod of many ({@code explain pods}): only the findings about the pod itself, from the
     * checks that judge pods one by one; what the pods share is reported once, by {@link #sharedFindings}.
     */
    public Explanation explainPodInList(PodInfo pod) {
        return explainPod(pod, false);
    }

    private Explanation explainPod(PodInfo pod, boolean withScope) {
        String ns = pod.meta().namespace();
        ClusterSnapshot s = context.snapshot();
        Decision d = decide(ns, pod.meta(), pod.spec().hostNetwork());
        ProxyObservation proxy = ProxyObservation.of(pod);
        Map<String, String> annotations = pod.meta().annotations();
        Explanation.Observed observed = new Explanation.Observed(pod.hasProxy(), pod.hasStatusAnnotation(),
                pod.hasNativeSidecarProxy(), proxy.kind().word(), proxy.builtIn() == null ? null : proxy.builtIn().word(),
                proxy.dataplane(annotations).word(), proxy.injectedRevision(), proxy.awaitingInjection());
        Boolean consistent = PodVerdicts.consistent(d, proxy);
        List<String> causes = new ArrayList<>();
        List<io.injectordoctor.report.Advice> fix = new ArrayList<>();
        if (Boolean.FALSE.equals(consistent)) {
            Mismatch m = Mismatch.analyse(pod, proxy, d, s);
            causes.addAll(m.causes());
            fix.addAll(m.fix());
        } else {
            fix.addAll(Remedies.forPod(d, ns, pod, proxy, s));
        }
        List<String> notes = PodNotes.of(ns, Remedies.namespaceLabels(s, ns), pod.meta().labels(), annotations, proxy);
        List<Explanation.Finding> findings = withScope
                ? findings(SubjectScope.of(s, "Pod", pod.meta(), d)) : ownFindings(pod);
        return new Explanation(Explanation.SCHEMA_VERSION, new Explanation.Subject("Pod", ns, pod.meta().name()),
                injector(d), reference(d), sidecarMode(d, annotations), observed, consistent, findings, causes, fix, notes);
    }

    /** How the injector adds istio-proxy when the reference injects; null when it does not. */
    private Explanation.SidecarMode sidecarMode(Decision d, Map<String, String> annotations) {
        if (!d.inject()) {
            return null;
        }
        SidecarMode m = context.sidecarMode(d, annotations);
        return new Explanation.SidecarMode(m.mode().word(), m.because());
    }

    private List<Explanation.Finding> ownFindings(PodInfo pod) {
        List<Explanation.Finding> out = new ArrayList<>();
        for (var c : registry.ordered()) {
            if (c instanceof PodCheck pc) {
                var entry = registry.entry(c.id());
                pc.judge(context, pod).forEach(f -> out.add(view(f, entry.remediation(), entry.docPath())));
            }
        }
        return out;
    }

    public Explanation explainWorkload(WorkloadInfo w) {
        String ns = w.meta().namespace();
        Decision d = decide(ns, w.templateMeta(), w.templateSpec().hostNetwork());
        List<Explanation.Finding> findings = findings(SubjectScope.of(context.snapshot(), w.kind(), w.meta(), d));
        ProxyObservation proxy = ProxyObservation.ofTemplate(w);
        List<String> notes = proxy.meshInfrastructure() ? PodNotes.of(ns, Remedies.namespaceLabels(context.snapshot(), ns),
                w.templateMeta().labels(), w.templateMeta().annotations(), proxy) : List.of();
        return new Explanation(Explanation.SCHEMA_VERSION, new Explanation.Subject(w.kind(), ns, w.meta().name()),
                injector(d), reference(d), sidecarMode(d, w.templateMeta().annotations()), null, null, findings, List.of(),
                Remedies.forWorkload(d, ns, w, proxy, context.snapshot()), notes);
    }

    /**
     * A manifest not applied yet: its workloads are judged as if applied (the caller adds them to
     * the snapshot); a pod is not running, so no check judges its state. The namespace may not exist.
     */
    public Explanation explainManifest(String kind, String namespace, String name, ObjectMeta meta, boolean hostNetwork) {
        Decision d = decide(namespace, meta, hostNetwork);
        List<String> notes = new ArrayList<>();
        if (context.snapshot().isLoaded(ResourceKind.NAMESPACE) && context.snapshot().namespace(namespace).isEmpty()) {
            notes.add("Namespace " + namespace + " does not exist yet; the verdict assumes it will be created "
                    + "without labels. Create it with the labels it needs before applying the manifest.");
        }
        ObjectMeta subject = new ObjectMeta(namespace, name, meta.labels(), meta.annotations(), null, null, List.of(), null);
        List<Explanation.Finding> findings = findings(SubjectScope.of(context.snapshot(), kind, subject, d));
        return new Explanation(Explanation.SCHEMA_VERSION, new Explanation.Subject(kind, namespace, name),
                injector(d), reference(d), sidecarMode(d, meta.annotations()), null, null, findings, List.of(),
                Remedies.toChangeManifest(d, namespace, meta, context.snapshot()), notes);
    }

    /**
     * A namespace: a pod created there without labels (its verdict and trace), the verdict of each of
     * its pods, and the catalogue's findings about the namespace and what serves it.
     */
    public NamespaceExplanation explainNamespace(String namespace) {
        ClusterSnapshot s = context.snapshot();
        ObjectMeta newPod = ObjectMeta.of(namespace, null);
        Decision d = decide(namespace, newPod, false);
        Explanation pod = new Explanation(Explanation.SCHEMA_VERSION, new Explanation.Subject("Pod", namespace, null),
                injector(d), reference(d), sidecarMode(d, Map.of()), null, null, List.of(), List.of(),
                Remedies.toChangeNamespace(d, namespace, s), NamespaceNotes.of(namespace, s, d));
        PodsAudit audit = new PodsAudit(this);
        List<PodRow> rows = new ArrayList<>();
        s.pods().stream().filter(p -> namespace.equals(p.meta().namespace())).forEach(p -> rows.add(audit.add(p).row()));
        audit.shared(List.of());
        var info = s.namespace(namespace);
        return new NamespaceExplanation(Explanation.SCHEMA_VERSION, namespace, info.isPresent(),
                info.map(n -> n.meta().labels()).orElse(java.util.Map.of()), pod, rows, audit.summary(),
                findings(SubjectScope.ofNamespace(s, namespace, d)));
    }

    /** The catalogue's findings that pass {@code scope}, in the catalogue's order. */
    public List<Explanation.Finding> findings(Predicate<Finding> scope) {
        List<Explanation.Finding> out = new ArrayList<>();
        for (CheckResult r : catalogue().results()) {
            for (Finding f : r.restrictedTo(scope).findings()) {
                out.add(view(f, r.remediation(), r.docPath()));
            }
        }
        return out;
    }

    /**
     * What {@code explain pods} shows once: the findings of the checks that do not judge pods one by
     * one, and those of the pod checks that are about something else than a pod (a namespace).
     */
    public List<Explanation.Finding> sharedFindings() {
        List<String> podChecks = registry.checks().stream().filter(PodCheck.class::isInstance).map(c -> c.id()).toList();
        return findings(f -> !podChecks.contains(f.checkId())
                || !"Pod".equals(io.injectordoctor.checks.Subjects.parse(f.subject()).kind()));
    }

    /** The whole catalogue over the snapshot, run once: every explanation of this explainer filters it. */
    public CheckReport catalogue() {
        if (catalogue == null) {
            catalogue = new Runner(registry).run(context, RunOptions.all());
        }
        return catalogue;
    }

    static Explanation.Finding view(Finding f, String remediation, String doc) {
        return new Explanation.Finding(f.checkId(), f.severity().name(), f.subject(), f.message(), remediation,
                f.fix(), io.injectordoctor.report.Command.page(doc));
    }

    static Explanation.Injector injector(Decision d) {
        Decision.InjectorInfo i = d.injector();
        return new Explanation.Injector(i.version(), i.rules().title(), i.revision(), i.versionSource(), i.configMap());
    }

    static Explanation.Reference reference(Decision d) {
        List<Explanation.Webhook> hooks = new ArrayList<>();
        for (HookEvaluation h : d.hooks()) {
            hooks.add(new Explanation.Webhook(h.configuration(), h.name(), h.revision(), h.tag(), h.calledOrUnknown(),
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

    /** A snapshot with a manifest's workloads added, as if applied: what {@code explain -f} judges. */
    public static ClusterSnapshot withManifest(ClusterSnapshot s, List<WorkloadInfo> workloads) {
        ClusterSnapshot.Builder b = s.toBuilder();
        workloads.forEach(b::workload);
        return b.build();
    }
}
