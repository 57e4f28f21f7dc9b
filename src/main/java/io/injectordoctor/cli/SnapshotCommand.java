package io.injectordoctor.cli;

import io.injectordoctor.app.ClusterAccess;
import io.injectordoctor.app.Outcome;
import io.injectordoctor.app.Progress;
import io.injectordoctor.app.SnapshotService;
import io.injectordoctor.app.Target;
import io.injectordoctor.report.CaptureSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "snapshot", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "Capture from a live cluster exactly the objects a diagnosis needs (namespaces, pods, their owners,",
            "webhook configurations, the control plane's configmaps, services, endpoints, warning events, and",
            "of secrets only their certificate entries) into one file that --snapshot reads back with",
            "identical results. Private keys and tokens never leave the cluster: env values, keys and tokens",
            "found outside Secrets are scrubbed, and the file's header says how many. The file is replaced only",
            "once the capture is complete."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  injector-doctor snapshot -o incident-42.yaml",
            "  injector-doctor snapshot -o shop.yaml -n shop --context prod-eu",
            "  injector-doctor explain pods -A --snapshot incident-42.yaml     # on another machine, later",
            "",
            "Exit codes: 0 written, 2 written but partial (the API server failed to give some kind; the file",
            "says which), 64 usage, 69 cluster unreachable, 74 cannot write the output (an existing file is left",
            "as it was), 77 forbidden."})
public final class SnapshotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "The file to write ('-' for standard output).")
    String output;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Path to the kubeconfig file.")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "The kubeconfig context to use.")
    String context;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", converter = GlobalOptions.NamespaceName.class,
            description = "Capture the workloads of one namespace only (default: all namespaces).")
    String namespace;

    @Option(names = "--istio-namespace", paramLabel = "NS", defaultValue = "istio-system",
            converter = GlobalOptions.NamespaceName.class,
            description = "Namespace of the Istio control plane (default: ${DEFAULT-VALUE}).")
    String istioNamespace;

    @Option(names = "--demo", description = "Capture the embedded demo cluster.")
    boolean demo;

    @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Timeout of each API request in seconds; 0 means no limit (default: ${DEFAULT-VALUE}).")
    int requestTimeoutSeconds;

    @Option(names = "--debug", description = "Show stack traces of failures.")
    boolean debug;

    @Override
    public Integer call() {
        Target target = new Target(kubeconfig, context, null, istioNamespace, demo, null, requestTimeoutSeconds, null,
                List.of());
        Outcome<CaptureSummary> o = new SnapshotService(new ClusterAccess(target, Progress.NONE))
                .capture(namespace, output, spec.commandLine().getOut());
        CaptureSummary s = o.report();
        PrintWriter err = spec.commandLine().getErr();
        err.println("captured " + s.namespaces() + " namespaces, " + s.pods() + " pods, " + s.workloads()
                + " workloads, " + s.webhookConfigurations() + " webhook configurations, " + s.secrets()
                + " secrets (certificates only)" + ("-".equals(output) ? "" : " into " + output));
        String scrubbed = s.scrubbed().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
        if (!scrubbed.isEmpty()) {
            err.println("scrubbed: " + scrubbed);
        }
        s.notCaptured().forEach(why -> err.println("not captured: " + why));
        err.flush();
        return o.exitCode();
    }
}
