package io.injectordoctor.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.checks.CheckRegistry;
import io.injectordoctor.checks.RunOptions;
import io.injectordoctor.checks.Runner;
import io.injectordoctor.cluster.ClusterGateway;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.LoadRequest;
import io.injectordoctor.cluster.ObjectConverter;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.cluster.SnapshotFile;
import io.injectordoctor.explain.Explainer;
import io.injectordoctor.explain.PodsAudit;
import io.injectordoctor.mesh.IstioVersion;
import io.injectordoctor.model.ObjectMeta;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.model.WorkloadInfo;
import io.injectordoctor.remedy.probe.DryRunProbe;
import io.injectordoctor.remedy.probe.ProbeReading;
import io.injectordoctor.report.Explanation;
import io.injectordoctor.report.NamespaceExplanation;
import io.injectordoctor.report.PodRow;
import io.injectordoctor.report.PodsSummary;
import io.injectordoctor.report.ProbeResult;
import io.injectordoctor.report.ProbedExplanation;
import io.injectordoctor.report.Severity;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code explain}: the reference decision and the catalogue's findings for one subject (a pod, a
 * workload's template, a namespace, a manifest not applied yet) or for every pod of a namespace.
 * Each answer comes with the exit code of the one rule: 1 when a finding reaches the threshold.
 */
public final class ExplainService {
    private static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
            "Job", "CronJob");
    private static final Set<ResourceKind> WORKLOAD_RESOURCES = EnumSet.of(ResourceKind.DEPLOYMENT,
            ResourceKind.STATEFULSET, ResourceKind.DAEMONSET, ResourceKind.REPLICASET, ResourceKind.JOB);

    private final ClusterAccess access;
    private final IstioVersion version;
    private final Severity threshold;

    /**
     * @param istioVersion the Istio version whose rules to apply instead of the injector's own (null:
     *                     detect them); a usage error when it is not a version
     */
    public ExplainService(ClusterAccess access, String istioVersion, Severity threshold) {
        this.access = access;
        this.version = parseVersion(istioVersion);
        this.threshold = threshold;
    }

    /** --istio-version as given: null, or a version like 1.22 or 1.22.3. */
    public static IstioVersion parseVersion(String istioVersion) {
        if (istioVersion == null) {
            return null;
        }
        return IstioVersion.parse(istioVersion).orElseThrow(() -> new DoctorException(ExitCode.USAGE,
                "--istio-version '" + istioVersion + "' is not a version like 1.22 or 1.22.3"));
    }

    /** Where the rows of an audit of many pods go as they are judged, and how the audit ends. */
    public interface PodsSink {
        void pod(Explanation explanation, PodRow row);

        /** The list failed part-way; {@code sofar} counts what was judged before. */
        void stopped(PodsSummary sofar, List<Explanation.Finding> shared, DoctorException failure);

        /** @param recalled the mismatched pods, shown again after the list */
        void finished(PodsSummary summary, List<PodRow> recalled, List<Explanation.Finding> shared);
    }

    public Outcome<Explanation> pod(String namespace, String name) {
        ClusterSnapshot s;
        try {
            s = access.snapshot(new LoadRequest(kinds(true), namespace, name));
        } catch (DoctorException e) {
            throw e.exitCode() == ExitCode.USAGE && e.getMessage().contains("not found") ? whereIs(namespace, name, e) : e;
        }
        requireDecisionInputs(s);
        PodInfo pod = s.pod(namespace, name).orElseThrow(() -> whereIs(namespace, name,
                new DoctorException(ExitCode.USAGE, "pod " + namespace + "/" + name + " not found")));
        return judged(explainer(s).explainPod(pod).withNotes(lacking(s)));
    }

    /**
     * A pod not found in the namespace the context chose (no -n) may be in another: kubectl users
     * forget -n, so the error says where it is, at the cost of one request across namespaces.
     */
    private DoctorException whereIs(String namespace, String name, DoctorException notFound) {
        if (access.target().namespace() != null) {
            return notFound;
        }
        List<String> elsewhere = access.namespacesOfPod(name).stream().filter(ns -> !ns.equals(namespace)).toList();
        if (elsewhere.isEmpty()) {
            return notFound;
        }
        return new DoctorException(ExitCode.USAGE, "pod " + name + " not found in namespace " + namespace + "; it exists in"
                + (elsewhere.size() == 1 ? " namespace " : " namespaces ") + String.join(", ", elsewhere) + ": add -n "
                + elsewhere.get(0));
    }

    public Outcome<Explanation> workload(SubjectRef ref, String namespace) {
        Set<ResourceKind> kinds = kinds(true);
        kinds.add(ref.resource());
        ClusterSnapshot s = access.snapshot(new LoadRequest(kinds, namespace, null));
        requireDecisionInputs(s);
        ClusterAccess.require(s, ref.resource());
        WorkloadInfo w = s.workload(ref.kind(), namespace, ref.name()).orElseThrow(() -> new DoctorException(
                ExitCode.USAGE, ref.kind().toLowerCase(java.util.Locale.ROOT) + " " + namespace + "/" + ref.name()
                        + " not found"));
        return judged(explainer(s).explainWorkload(w).withNotes(lacking(s)));
    }

    /** A pod or a workload, as {@code ref} names it. */
    public Outcome<Explanation> subject(SubjectRef ref, String namespace) {
        return "Pod".equals(ref.kind()) ? pod(namespace, ref.name()) : workload(ref, namespace);
    }

    /**
     * Sends the subject through the live admission chain as a dry run and sets its answer beside the
     * reference verdict; exit 1 also when they disagree. A refusal to probe is an error, not a report.
     */
    static final String DEMO_PROBE = "the embedded demo cluster runs no admission webhooks, so there is no live"
            + " chain to ask; on a real cluster --probe sends a dry-run create of a copy of the pod (dryRun=All, as"
            + " kubectl create --dry-run=server does) through the API server's admission chain and sets what the"
            + " injector did beside the reference verdict";

    public Outcome<ProbedExplanation> probe(Outcome<Explanation> explained, SubjectRef ref, String namespace) {
        Explanation e = explained.report();
        if (access.target().demo()) {
            // A limit of the demo, not a refusal by the cluster: say so, keep the explanation's verdict.
            String subject = ref.resource().resource().replaceAll("s$", "") + "/" + ref.name();
            return new Outcome<>(new ProbedExplanation(e, ProbeResult.refused(subject, namespace, DEMO_PROBE, List.of(),
                    explained.exitCode(), e.reference().inject())), explained.exitCode());
        }
        ProbeResult p;
        try (ClusterGateway api = access.gateway()) {
            Explanation.Reference r = e.reference();
            p = new DryRunProbe(api, new SecureRandom()).probe(ref.resource(), namespace, ref.name(),
                    new ProbeReading.Reference(r.inject(), r.admission(),
                            r.refusal() == null ? null : r.refusal().message())).orThrow();
        }
        return new Outcome<>(new ProbedExplanation(e, p), p.disagrees() ? ExitCode.FINDINGS : explained.exitCode());
    }

    public Outcome<NamespaceExplanation> namespace(String namespace) {
        ClusterSnapshot s = access.snapshot(new LoadRequest(kinds(true), namespace, null));
        requireDecisionInputs(s);
        NamespaceExplanation n = explainer(s).explainNamespace(namespace);
        boolean podsPass = n.pods().stream().allMatch(PodRow::consistent);
        return Outcome.judged(n, n.passes(threshold, podsPass));
    }

    /**
     * Every pod of {@code namespace} (null: all), judged one page at a time and handed to
     * {@code sink}; the cluster's shared findings come once, at the end.
     */
    public Outcome<PodsSummary> pods(String namespace, PodsSink sink) {
        LoadRequest req = new LoadRequest(kinds(false), namespace, null);
        PodsAudit audit = access.auditPods(req, namespace, (s, pods) -> {
            requireDecisionInputs(s);
            Explainer explainer = explainer(s);
            PodsAudit a = new PodsAudit(explainer);
            List<Explanation.Finding> shared = explainer.sharedFindings();
            a.shared(shared);
            try {
                pods.forEach(p -> {
                    PodsAudit.Audited audited = a.add(p);
                    sink.pod(audited.explanation(), audited.row());
                });
            } catch (DoctorException e) {
                sink.stopped(a.summary(), shared, e);
                throw e;
            }
            sink.finished(a.summary(), a.recalledMismatches(), shared);
            return a;
        });
        return Outcome.judged(audit.summary(), audit.passes(threshold));
    }

    /**
     * The pods and pod-template owners of a manifest not applied yet, as if applied to the cluster;
     * other objects are skipped with a note.
     *
     * @param file             the manifest, or '-' for stdin
     * @param defaultNamespace the namespace of objects that name none
     */
    public Outcome<List<Explanation>> manifest(String file, String defaultNamespace, Consumer<String> notes) {
        String source = "-".equals(file) ? "<stdin>" : file;
        List<JsonNode> docs = readManifest(file);
        // All namespaces are listed (one request): a manifest's namespace may not exist yet, which is a finding.
        Set<ResourceKind> kinds = kinds(false);
        kinds.addAll(WORKLOAD_RESOURCES);
        ClusterSnapshot cluster = access.snapshot(new LoadRequest(kinds, null, null));
        requireDecisionInputs(cluster);
        List<WorkloadInfo> workloads = new ArrayList<>();
        for (JsonNode d : docs) {
            if (WORKLOAD_KINDS.contains(d.path("kind").asText())) {
                WorkloadInfo w = ObjectConverter.workload(d);
                workloads.add(w.meta().namespace() == null ? new WorkloadInfo(w.kind(), withNamespace(w.meta(),
                        namespaceOf(d, defaultNamespace)), w.templateMeta(), w.templateSpec(), w.selector(),
                        w.replicas(), w.paused(), w.status()) : w);
            }
        }
        Explainer explainer = explainer(Explainer.withManifest(cluster, workloads));
        List<Explanation> out = new ArrayList<>();
        for (JsonNode d : docs) {
            String kind = d.path("kind").asText();
            String ns = namespaceOf(d, defaultNamespace);
            if ("Pod".equals(kind)) {
                PodInfo p = ObjectConverter.pod(d);
                out.add(explainer.explainManifest(kind, ns, p.meta().name(), p.meta(), p.spec().hostNetwork()));
            } else if (WORKLOAD_KINDS.contains(kind)) {
                WorkloadInfo w = ObjectConverter.workload(d);
                out.add(explainer.explainManifest(kind, ns, w.meta().name(), w.templateMeta(),
                        w.templateSpec().hostNetwork()));
            } else {
                notes.accept("skipping " + kind + " " + d.path("metadata").path("name").asText()
                        + ": not a pod or pod-template owner");
            }
        }
        if (out.isEmpty()) {
            throw new DoctorException(ExitCode.DATA, source + ": no pod or pod-template owner to explain");
        }
        return Outcome.judged(out, out.stream().allMatch(e -> e.passes(threshold)));
    }

    /**
     * What a snapshot file lacks, said in the explanation's notes: the checks that need it gave no
     * finding, which is not the same as finding nothing. (What the verdict itself needs stops the
     * run instead.)
     */
    private static List<String> lacking(ClusterSnapshot s) {
        if (!s.fromFile()) {
            return List.of();
        }
        return s.unreadable().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> "the snapshot lacks " + e.getKey().qualifiedResource() + ": " + e.getValue()
                        + "; the checks that need them did not run")
                .toList();
    }

    /** A manifest file, or stdin for '-'. */
    private static List<JsonNode> readManifest(String file) {
        if ("-".equals(file)) {
            return SnapshotFile.readObjects(System.in, "<stdin>");
        }
        return SnapshotFile.readObjects(Path.of(file));
    }

    private Outcome<Explanation> judged(Explanation e) {
        return Outcome.judged(e, e.passes(threshold));
    }

    private Explainer explainer(ClusterSnapshot s) {
        return Explainer.of(s, version, access.requestUser());
    }

    /** Every kind the catalogue reads; for a list of pods, only what they share (the pods come as a stream). */
    private static Set<ResourceKind> kinds(boolean withWorkloads) {
        Set<ResourceKind> kinds = EnumSet.copyOf(new Runner(CheckRegistry.builtIn()).kinds(RunOptions.all()));
        kinds.addAll(EnumSet.of(ResourceKind.NAMESPACE, ResourceKind.MUTATING_WEBHOOK_CONFIGURATION,
                ResourceKind.CONFIGMAP));
        if (!withWorkloads) {
            kinds.removeAll(WORKLOAD_RESOURCES);
            kinds.removeAll(EnumSet.of(ResourceKind.POD, ResourceKind.EVENT));
        }
        return kinds;
    }

    private static ObjectMeta withNamespace(ObjectMeta m, String ns) {
        return new ObjectMeta(ns, m.name(), m.labels(), m.annotations(), m.uid(), m.creationTimestamp(), m.owners(),
                m.generation());
    }

    private static String namespaceOf(JsonNode d, String defaultNamespace) {
        String ns = d.path("metadata").path("namespace").asText("");
        return ns.isEmpty() ? defaultNamespace : ns;
    }

    private static void requireDecisionInputs(ClusterSnapshot s) {
        ClusterAccess.require(s, ResourceKind.MUTATING_WEBHOOK_CONFIGURATION, ResourceKind.POD,
                ResourceKind.NAMESPACE, ResourceKind.CONFIGMAP);
    }
}
