package io.injectordoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.LoadRequest;
import io.injectordoctor.decision.RequestUser;
import io.injectordoctor.cluster.ObjectConverter;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.cluster.SnapshotFile;
import io.injectordoctor.checks.CheckRegistry;
import io.injectordoctor.checks.RunOptions;
import io.injectordoctor.checks.Runner;
import io.injectordoctor.explain.Explainer;
import io.injectordoctor.report.Explanation;
import io.injectordoctor.explain.PodsAudit;
import io.injectordoctor.mesh.IstioVersion;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.model.WorkloadInfo;
import io.injectordoctor.remedy.probe.DryRunProbe;
import io.injectordoctor.remedy.probe.ProbeReading;
import io.injectordoctor.remedy.probe.ProbeResult;
import io.injectordoctor.remedy.probe.ProbedExplanation;
import io.injectordoctor.render.ExplainText;
import io.injectordoctor.render.ProbeText;
import java.security.SecureRandom;
import io.injectordoctor.render.PodsTableText;
import io.injectordoctor.render.Structured;
import io.injectordoctor.render.Style;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "explain", sortOptions = false,
        description = {
            "Explain why a pod was or was not injected: the reference verdict of both stages (is the webhook",
            "called? does the injector inject?), the trace of every rule with its evidence, the observed state,",
            "agreement or mismatch with its likely causes, and the exact commands that fix it."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  injector-doctor explain pod/productpage-v1-6b746f74dc-9stvs -n bookinfo",
            "  injector-doctor explain deployment/reviews -n bookinfo     # the pod template",
            "  injector-doctor explain namespace/bookinfo                 # what a new pod gets there; its pods",
            "  injector-doctor explain -f my-app.yaml -n staging          # a manifest not applied yet",
            "  injector-doctor explain pods -A                            # every pod, then the mismatched ones again",
            "  injector-doctor explain pod/web-0 -n shop -o json",
            "  injector-doctor explain pods -A --snapshot cluster-dump.yaml",
            "  injector-doctor explain pod/web-0 -n shop --probe            # ask the live webhook (dry run)",
            "  injector-doctor explain pods -A --demo                       # the embedded demo cluster",
            "",
            "Exit codes: 0 consistent, 1 a mismatch or a finding at or above --fail-on, 64 usage (also an",
            "unknown pod or namespace), 65 unparseable file, 69 cluster unreachable, 77 forbidden, 70 internal.",
            "With --probe: 1 also when the live answer disagrees with the reference, 64 when a mutating hook",
            "for pod CREATE has side effects, 77 when create pods is not allowed."})
public final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions global;

    @Mixin
    FleetOptions fleet;

    @Parameters(arity = "0..2", paramLabel = "SUBJECT",
            description = {"pod/NAME (or 'pod NAME'), deployment/NAME (also statefulset, daemonset, replicaset, job),",
                "namespace/NS (what a new pod gets there, and its pods), or pods (every pod of -n NS, or of -A)."})
    List<String> subjectWords;

    private String subject;

    @Option(names = {"-f", "--filename"}, paramLabel = "FILE",
            description = "Explain the pods and workloads of a manifest not applied yet ('-' reads stdin).")
    String file;

    @Option(names = {"-A", "--all-namespaces"}, description = "With 'pods': every namespace.")
    boolean allNamespaces;

    @Option(names = "--istio-version", paramLabel = "X.Y.Z",
            description = "Apply the rules of this Istio version instead of the one detected from the injector's image.")
    String istioVersion;

    @Option(names = "--probe",
            description = {"Also send the pod (or the workload's pod template) through the live admission chain as a",
                "server-side dry run (dryRun=All; nothing is created) and compare its answer with the reference verdict."})
    boolean probe;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit 1 for findings at or above: error or warning (default: ${DEFAULT-VALUE}). A mismatch is an error.")
    FailOn failOn = FailOn.error;

    @Option(names = {"-v", "--verbose"}, description = "Also show informational findings in text output.")
    boolean verbose;

    enum FailOn { error, warning }

    @Override
    public Integer call() {
        subject = subjectWords == null || subjectWords.isEmpty() ? null : String.join(" ", subjectWords);
        IstioVersion version = parseVersion();
        if (probe && (file != null || subject == null || SubjectRef.parse(subjectWords).allPods()
                || SubjectRef.parse(subjectWords).namespace())) {
            throw new DoctorException(ExitCode.USAGE,
                    "--probe goes with pod/NAME or a workload such as deployment/NAME, not with 'pods' or -f");
        }
        if (file != null) {
            if (subject != null) {
                throw new DoctorException(ExitCode.USAGE, "give either a SUBJECT or -f FILE, not both");
            }
            return explainManifest(version);
        }
        SubjectRef ref = SubjectRef.parse(subjectWords);
        if (allNamespaces && !ref.allPods()) {
            throw new DoctorException(ExitCode.USAGE, "-A goes with 'pods', not with " + subject);
        }
        if (fleet.active() && !ref.allPods()) {
            throw new DoctorException(ExitCode.USAGE, "--contexts and --all-contexts go with 'explain pods'");
        }
        if (ref.allPods()) {
            if (fleet.active()) {
                return Fleet.run(spec, global, fleet);
            }
            return explainPods(version);
        }
        if (ref.namespace()) {
            return explainNamespace(ref.name(), version);
        }
        String ns = Loading.namespace(global);
        if ("Pod".equals(ref.kind())) {
            ClusterSnapshot s = Loading.snapshot(global, new LoadRequest(kinds(true), ns, ref.name()));
            requireDecisionInputs(s);
            PodInfo pod = s.pod(ns, ref.name()).orElseThrow(() ->
                    new DoctorException(ExitCode.USAGE, "pod " + ns + "/" + ref.name() + " not found"));
            Explanation e = explainer(s, version).explainPod(pod);
            return probe ? emitProbed(e, ResourceKind.POD, ns, ref.name()) : emit(List.of(e));
        }
        java.util.Set<ResourceKind> kinds = kinds(true);
        kinds.add(ref.resource());
        ClusterSnapshot s = Loading.snapshot(global, new LoadRequest(kinds, ns, null));
        requireDecisionInputs(s);
        Loading.require(s, ref.resource());
        WorkloadInfo w = s.workload(ref.kind(), ns, ref.name()).orElseThrow(() ->
                new DoctorException(ExitCode.USAGE, ref.kind().toLowerCase() + " " + ns + "/" + ref.name() + " not found"));
        Explanation e = explainer(s, version).explainWorkload(w);
        return probe ? emitProbed(e, ref.resource(), ns, ref.name()) : emit(List.of(e));
    }

    private int explainNamespace(String namespace, IstioVersion version) {
        java.util.Set<ResourceKind> kinds = kinds(true);
        ClusterSnapshot s = Loading.snapshot(global, new LoadRequest(kinds, namespace, null));
        requireDecisionInputs(s);
        io.injectordoctor.report.NamespaceExplanation n = explainer(s, version).explainNamespace(namespace);
        PrintWriter out = spec.commandLine().getOut();
        switch (global.output) {
            case text -> new io.injectordoctor.render.NamespaceText(Style.detect(global.noColor), verbose).write(out, n);
            case json -> Structured.write(out, n, false);
            case yaml -> Structured.write(out, n, true);
        }
        boolean podsPass = n.pods().stream().allMatch(io.injectordoctor.report.PodRow::consistent);
        return n.passes(threshold(), podsPass) ? ExitCode.OK : ExitCode.FINDINGS;
    }

    /** Every kind the catalogue reads; for a list of pods, only what they share (the pods come as a stream). */
    private static java.util.Set<ResourceKind> kinds(boolean withWorkloads) {
        java.util.Set<ResourceKind> kinds = EnumSet.copyOf(new Runner(CheckRegistry.builtIn()).kinds(RunOptions.all()));
        kinds.addAll(EnumSet.of(ResourceKind.NAMESPACE, ResourceKind.MUTATING_WEBHOOK_CONFIGURATION, ResourceKind.CONFIGMAP));
        if (!withWorkloads) {
            kinds.removeAll(EnumSet.of(ResourceKind.POD, ResourceKind.DEPLOYMENT, ResourceKind.STATEFULSET,
                    ResourceKind.DAEMONSET, ResourceKind.REPLICASET, ResourceKind.JOB, ResourceKind.EVENT));
        }
        return kinds;
    }

    private Explainer explainer(ClusterSnapshot s, IstioVersion version) {
        return Explainer.of(s, version, requestUser());
    }

    private int explainPods(IstioVersion version) {
        String ns = allNamespaces ? null : Loading.namespace(global);
        LoadRequest req = new LoadRequest(kinds(false), ns, null);
        PodsAudit audit = Loading.auditPods(global, req, ns, (s, pods) -> {
            requireDecisionInputs(s);
            Explainer explainer = explainer(s, version);
            PodsAudit a = new PodsAudit(explainer);
            List<Explanation.Finding> shared = explainer.sharedFindings();
            a.shared(shared);
            PrintWriter out = spec.commandLine().getOut();
            // When the list fails part-way, what was written is closed off as incomplete (JSON stays
            // parseable) before the error line and its exit code; when it fails at once, nothing is written.
            if (global.output == GlobalOptions.OutputFormat.text) {
                PodsTableText table = new PodsTableText(Style.detect(global.noColor), out);
                try {
                    pods.forEach(p -> table.row(a.add(p).row()));
                } catch (DoctorException e) {
                    if (a.summary().pods() > 0) {
                        table.stopped(a.summary());
                    }
                    throw e;
                }
                table.finish(a.summary(), a.recalledMismatches());
                table.shared(shared);
            } else {
                Structured.ListWriter items = new Structured.ListWriter(out,
                        global.output == GlobalOptions.OutputFormat.yaml, Explanation.SCHEMA_VERSION, "items");
                try {
                    pods.forEach(p -> items.item(a.add(p).explanation()));
                } catch (DoctorException e) {
                    if (a.summary().pods() > 0) {
                        items.finish("findings", shared, "summary", a.summary(), "incomplete", e.getMessage());
                    }
                    throw e;
                }
                items.finish("findings", shared, "summary", a.summary());
            }
            return a;
        });
        return audit.passes(threshold()) ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private int explainManifest(IstioVersion version) {
        List<JsonNode> docs = readManifest();
        String defaultNs = global.namespace != null ? global.namespace
                : global.snapshot != null ? "default" : Loading.namespace(global);
        // All namespaces are listed (one request): a manifest's namespace may not exist yet, which is a finding.
        java.util.Set<ResourceKind> kinds = kinds(false);
        kinds.addAll(EnumSet.of(ResourceKind.DEPLOYMENT, ResourceKind.STATEFULSET, ResourceKind.DAEMONSET,
                ResourceKind.REPLICASET, ResourceKind.JOB));
        ClusterSnapshot cluster = Loading.snapshot(global, new LoadRequest(kinds, null, null));
        requireDecisionInputs(cluster);
        List<WorkloadInfo> workloads = new ArrayList<>();
        for (JsonNode d : docs) {
            if (WORKLOAD_KINDS.contains(d.path("kind").asText())) {
                WorkloadInfo w = ObjectConverter.workload(d);
                workloads.add(w.meta().namespace() == null ? new WorkloadInfo(w.kind(), withNamespace(w.meta(),
                        namespaceOf(d, defaultNs)), w.templateMeta(), w.templateSpec(), w.selector(), w.replicas(),
                        w.paused(), w.status()) : w);
            }
        }
        Explainer explainer = explainer(Explainer.withManifest(cluster, workloads), version);
        List<Explanation> out = new ArrayList<>();
        for (JsonNode d : docs) {
            String kind = d.path("kind").asText();
            String ns = namespaceOf(d, defaultNs);
            if ("Pod".equals(kind)) {
                PodInfo p = ObjectConverter.pod(d);
                out.add(explainer.explainManifest(kind, ns, p.meta().name(), p.meta(), p.spec().hostNetwork()));
            } else if (WORKLOAD_KINDS.contains(kind)) {
                WorkloadInfo w = ObjectConverter.workload(d);
                out.add(explainer.explainManifest(kind, ns, w.meta().name(), w.templateMeta(),
                        w.templateSpec().hostNetwork()));
            } else {
                spec.commandLine().getErr().println("note: skipping " + kind + " "
                        + d.path("metadata").path("name").asText() + ": not a pod or pod-template owner");
            }
        }
        if (out.isEmpty()) {
            throw new DoctorException(ExitCode.DATA, file + ": no pod or pod-template owner to explain");
        }
        return emit(out);
    }

    private static final java.util.Set<String> WORKLOAD_KINDS = java.util.Set.of("Deployment", "StatefulSet",
            "DaemonSet", "ReplicaSet", "Job", "CronJob");

    private static io.injectordoctor.model.ObjectMeta withNamespace(io.injectordoctor.model.ObjectMeta m, String ns) {
        return new io.injectordoctor.model.ObjectMeta(ns, m.name(), m.labels(), m.annotations(), m.uid(),
                m.creationTimestamp(), m.owners(), m.generation());
    }

    private List<JsonNode> readManifest() {
        if ("-".equals(file)) {
            try {
                return SnapshotFile.parse(new InputStreamReader(System.in, StandardCharsets.UTF_8), "<stdin>");
            } catch (IOException e) {
                throw new DoctorException(ExitCode.DATA, "<stdin>: cannot read: " + e.getMessage());
            }
        }
        return SnapshotFile.readObjects(Path.of(file));
    }

    private static String namespaceOf(JsonNode d, String defaultNs) {
        String ns = d.path("metadata").path("namespace").asText("");
        return ns.isEmpty() ? defaultNs : ns;
    }

    private static void requireDecisionInputs(ClusterSnapshot s) {
        Loading.require(s, ResourceKind.MUTATING_WEBHOOK_CONFIGURATION, ResourceKind.POD, ResourceKind.NAMESPACE,
                ResourceKind.CONFIGMAP);
    }

    private int emit(List<Explanation> items) {
        PrintWriter out = spec.commandLine().getOut();
        Object model = items.size() == 1 ? items.get(0) : items;
        switch (global.output) {
            case text -> {
                ExplainText text = new ExplainText(Style.detect(global.noColor), verbose);
                for (int i = 0; i < items.size(); i++) {
                    if (i > 0) {
                        out.println("---");
                    }
                    text.write(out, items.get(i));
                }
            }
            case json -> Structured.write(out, model, false);
            case yaml -> Structured.write(out, model, true);
        }
        return exitCode(items);
    }

    /** A refusal throws before anything is printed, so the user sees one error line with its exit code. */
    private int emitProbed(Explanation e, ResourceKind kind, String ns, String name) {
        ProbeResult p;
        try (io.injectordoctor.cluster.ClusterGateway api = Loading.gateway(global)) {
            Explanation.Reference r = e.reference();
            p = new DryRunProbe(api, new SecureRandom()).probe(kind, ns, name, new ProbeReading.Reference(r.inject(),
                    r.admission(), r.refusal() == null ? null : r.refusal().message())).orThrow();
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (global.output) {
            case text -> {
                new ExplainText(Style.detect(global.noColor), verbose).write(out, e);
                new ProbeText(Style.detect(global.noColor)).write(out, p);
            }
            case json -> Structured.write(out, new ProbedExplanation(e, p), false);
            case yaml -> Structured.write(out, new ProbedExplanation(e, p), true);
        }
        int code = exitCode(List.of(e));
        return p.disagrees() ? ExitCode.FINDINGS : code;
    }

    /** The one rule of every command: exit 1 when a finding reaches --fail-on. */
    private int exitCode(List<Explanation> items) {
        return items.stream().allMatch(e -> e.passes(threshold())) ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private io.injectordoctor.report.Severity threshold() {
        return failOn == FailOn.warning ? io.injectordoctor.report.Severity.WARNING : io.injectordoctor.report.Severity.ERROR;
    }

    /** --as and --as-group, as the API server would see the impersonated user; null when not given. */
    private RequestUser requestUser() {
        if (global.as == null) {
            if (!global.asGroups.isEmpty()) {
                throw new DoctorException(ExitCode.USAGE, "--as-group needs --as: a group is impersonated only with a user");
            }
            return null;
        }
        if (global.as.isBlank()) {
            throw new DoctorException(ExitCode.USAGE, "--as needs a user name");
        }
        return RequestUser.impersonated(global.as, global.asGroups);
    }

    private IstioVersion parseVersion() {
        if (istioVersion == null) {
            return null;
        }
        return IstioVersion.parse(istioVersion).orElseThrow(() -> new DoctorException(ExitCode.USAGE,
                "--istio-version '" + istioVersion + "' is not a version like 1.22 or 1.22.3"));
    }
}
