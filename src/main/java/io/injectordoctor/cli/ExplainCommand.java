package io.injectordoctor.cli;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.app.ClusterAccess;
import io.injectordoctor.app.ExplainService;
import io.injectordoctor.app.FleetService;
import io.injectordoctor.app.Outcome;
import io.injectordoctor.app.SubjectRef;
import io.injectordoctor.render.ExplainText;
import io.injectordoctor.render.NamespaceText;
import io.injectordoctor.render.ProbeText;
import io.injectordoctor.report.Explanation;
import io.injectordoctor.report.PodsSummary;
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
            "unknown pod or namespace), 65 unparseable file, 69 cluster unreachable (also when the API server",
            "fails to give what the verdict needs: no partial verdicts), 74 cannot write the output, 77 forbidden,",
            "70 internal.",
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

    @Mixin
    FailOnOption failOn;

    @Option(names = {"-v", "--verbose"}, description = "Also show informational findings in text output.")
    boolean verbose;

    @Override
    public Integer call() {
        boolean hasSubject = subjectWords != null && !subjectWords.isEmpty();
        ExplainService.parseVersion(istioVersion);
        if (file != null) {
            if (probe) {
                throw probeMisused();
            }
            if (hasSubject) {
                throw new DoctorException(ExitCode.USAGE, "give either a SUBJECT or -f FILE, not both");
            }
            return explainManifest();
        }
        SubjectRef ref = SubjectRef.parse(subjectWords);
        if (probe && (ref.allPods() || ref.namespace())) {
            throw probeMisused();
        }
        if (allNamespaces && !ref.allPods()) {
            throw new DoctorException(ExitCode.USAGE, "-A goes with 'pods', not with " + String.join(" ", subjectWords));
        }
        if (fleet.active() && !ref.allPods()) {
            throw new DoctorException(ExitCode.USAGE, "--contexts and --all-contexts go with 'explain pods'");
        }
        if (ref.allPods() && fleet.active()) {
            return Fleet.run(spec, global, fleet, access -> {
                Outcome<PodsSummary> o = service(access).pods(allNamespaces ? null : access.namespace(),
                        PodsOutput.DISCARD);
                return new FleetService.Summary(o.exitCode(), o.report());
            });
        }
        ClusterAccess access = global.access(spec);
        ExplainService service = service(access);
        Output output = new Output(spec, global);
        if (ref.allPods()) {
            String ns = allNamespaces ? null : access.namespace();
            return service.pods(ns, PodsOutput.of(output)).exitCode();
        }
        if (ref.namespace()) {
            return output.emit(service.namespace(ref.name()),
                    (out, style, n) -> new NamespaceText(style, verbose, output.invocation()).write(out, n));
        }
        String ns = access.namespace();
        Outcome<Explanation> explained = service.subject(ref, ns);
        if (probe) {
            return output.emit(service.probe(explained, ref, ns), (out, style, p) -> {
                new ExplainText(style, verbose, output.invocation()).write(out, p.explanation());
                new ProbeText(style).write(out, p.probe());
            });
        }
        return output.emit(explained, (out, style, e) -> new ExplainText(style, verbose, output.invocation()).write(out, e));
    }

    private ExplainService service(ClusterAccess access) {
        return new ExplainService(access, istioVersion, failOn.threshold());
    }

    private static DoctorException probeMisused() {
        return new DoctorException(ExitCode.USAGE,
                "--probe goes with pod/NAME or a workload such as deployment/NAME, not with 'pods' or -f");
    }

    private int explainManifest() {
        ClusterAccess access = global.access(spec);
        Outcome<List<Explanation>> explained = service(access).manifest(file, access.namespace(),
                note -> spec.commandLine().getErr().println("note: " + note));
        Output output = new Output(spec, global);
        return output.emit(explained, (out, style, items) -> {
            ExplainText text = new ExplainText(style, verbose, output.invocation());
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.println("---");
                }
                text.write(out, items.get(i));
            }
        }, items -> items.size() == 1 ? items.get(0) : items);
    }
}
