package io.injectordoctor.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.injectordoctor.ExitCode;
import io.injectordoctor.app.InjectService;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "inject", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "Print manifests as the reference injector would mutate them, like 'istioctl kube-inject'.",
            "Pods and pod-template owners (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob) get",
            "the sidecar when the reference decision says so; everything else is printed unchanged, with the",
            "reason on stderr. Image hub and tag come from the injector configmap's 'values' when a cluster",
            "is named (--snapshot, --demo, --kubeconfig or --context), otherwise from the documented defaults",
            "(see docs/inject.md). The decision is kube-inject's: policy enabled, whatever the configmap says."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  injector-doctor inject -f deploy.yaml",
            "  kubectl get pod web-0 -o yaml | injector-doctor inject -f - --diff",
            "  injector-doctor inject -f deploy.yaml --snapshot cluster-dump.yaml --revision canary",
            "  injector-doctor inject -f pod.yaml --cni --native-sidecar=false"
        })
public final class InjectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions global;

    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE",
            description = "Manifest to inject (YAML or JSON, several documents allowed); '-' reads stdin.")
    String file;

    @Option(names = "--diff", description = "Print only what the injection changes, as a unified diff.")
    boolean diff;

    @Mixin
    InjectionOptions injection;

    private final InputStream stdin;

    /** Reads '-' from the process's stdin. */
    public InjectCommand() {
        this(System.in);
    }

    /** For tests and embedding: reads '-' from {@code stdin}. */
    public InjectCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        String source = file.equals("-") ? "<stdin>" : file;
        List<ObjectNode> objects = InjectService.parse(source, read());
        InjectService service = injection.service(global, spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<InjectService.Injected> results = service.inject(objects, global.namespace, err::println);
        if (objects.isEmpty()) {
            err.println(source + ": no objects");
        }
        if (diff) {
            results.forEach(r -> out.print(InjectService.diff(r)));
        } else if (global.output == GlobalOptions.OutputFormat.json) {
            out.println(InjectService.json(results));
        } else {
            out.print(InjectService.yaml(results));
        }
        out.flush();
        err.flush();
        return ExitCode.OK;
    }

    private String read() {
        return InjectService.read(file, stdin);
    }

    /** Where the sidecar's settings and the injector config come from; shared with {@code serve}. */
    public static final class InjectionOptions {
        @Option(names = "--revision", paramLabel = "REV",
                description = "Control plane revision: reads configmap istio-sidecar-injector-REV and sets istio.io/rev.")
        String revision;

        @Option(names = "--hub", paramLabel = "HUB", description = "Image registry (default: global.hub, else "
                + InjectService.DEFAULT_HUB + ").")
        String hub;

        @Option(names = "--tag", paramLabel = "TAG", description = "Image tag (default: global.tag, else "
                + InjectService.DEFAULT_TAG + ").")
        String tag;

        @Option(names = "--cni", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
                description = "The Istio CNI plugin redirects traffic: istio-validation instead of istio-init "
                        + "(default: pilot.cni.enabled, else false).")
        Boolean cni;

        @Option(names = "--native-sidecar", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
                description = "istio-proxy as a native sidecar (init container, restartPolicy Always) "
                        + "(default: pilot.env.ENABLE_NATIVE_SIDECARS, else true).")
        Boolean nativeSidecar;

        @Option(names = "--istio-version", paramLabel = "X.Y.Z",
                description = "Apply the injection rules of this Istio version instead of the one read from the image tag.")
        String istioVersion;

        /**
         * The reference injector with the injector configmap of the chosen source (--snapshot, --demo,
         * --kubeconfig or --context), or the defaults when none is given; then the flags above on top.
         */
        InjectService service(GlobalOptions g, CommandSpec spec) {
            boolean clusterNamed = g.snapshot != null || g.demo || g.kubeconfig != null || g.context != null;
            return new InjectService(clusterNamed ? g.access(spec) : null, g.istioNamespace,
                    new InjectService.Flags(revision, hub, tag, cni, nativeSidecar, istioVersion));
        }
    }
}
