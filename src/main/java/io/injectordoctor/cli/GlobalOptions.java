package io.injectordoctor.cli;

import io.injectordoctor.app.ClusterAccess;
import io.injectordoctor.app.Progress;
import io.injectordoctor.app.Target;
import io.injectordoctor.render.ProgressLine;
import io.injectordoctor.report.Invocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Options every cluster-facing command shares; they follow kubectl's names. */
public final class GlobalOptions {
    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then in-cluster).")
    public Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "The kubeconfig context to use.")
    public String context;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", converter = NamespaceName.class,
            description = "Namespace of the subject (default: the context's namespace, then 'default').")
    public String namespace;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    public OutputFormat output = OutputFormat.text;

    @Option(names = "--istio-namespace", paramLabel = "NS", defaultValue = "istio-system", converter = NamespaceName.class,
            description = "Namespace of the Istio control plane (default: ${DEFAULT-VALUE}).")
    public String istioNamespace = "istio-system";

    @Option(names = "--no-color", description = "Never colour the output (NO_COLOR is honoured too).")
    public boolean noColor;

    @Option(names = "--demo", description = "Use the embedded demo cluster instead of a kubeconfig.")
    public boolean demo;

    @Option(names = "--snapshot", paramLabel = "FILE",
            description = "Read the cluster state from a dump (YAML or JSON, e.g. 'kubectl get ... -o yaml') instead of a live cluster.")
    public Path snapshot;

    @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Timeout of each API request in seconds (default: ${DEFAULT-VALUE}).")
    public int requestTimeoutSeconds = 10;

    @Option(names = "--as", paramLabel = "USER",
            description = {"Username to impersonate for the operation. User could be a regular user or a service account",
                "in a namespace. The reference decision evaluates matchConditions that read request.userInfo as this user."})
    public String as;

    @Option(names = "--as-group", paramLabel = "GROUP",
            description = "Group to impersonate for the operation, this flag can be repeated to specify multiple groups.")
    public java.util.List<String> asGroups = new java.util.ArrayList<>();

    @Option(names = "--debug", description = "Show stack traces of failures.")
    public boolean debug;

    public enum OutputFormat { text, json, yaml }

    /** The cluster these options name, and how to read it. */
    public Target target() {
        return new Target(kubeconfig, context, namespace, istioNamespace, demo, snapshot, requestTimeoutSeconds, as,
                asGroups);
    }

    /** The system property the launchers set to the name the user typed (see scripts/injector-doctor). */
    static final String PROGRAM_PROPERTY = "injector-doctor.program";

    /**
     * How this run was invoked: the name the user typed, the flags that chose its source and those
     * kubectl needs to reach the same cluster; printed commands carry them.
     */
    public Invocation invocation() {
        List<String> source = new ArrayList<>();
        List<String> kubectl = new ArrayList<>();
        if (demo) {
            source.add("--demo");
        } else if (snapshot != null) {
            source.add("--snapshot");
            source.add(snapshot.toString());
        } else {
            if (kubeconfig != null) {
                source.add("--kubeconfig");
                source.add(kubeconfig.toString());
                kubectl.add("--kubeconfig");
                kubectl.add(kubeconfig.toString());
            }
            if (context != null) {
                source.add("--context");
                source.add(context);
                kubectl.add("--context");
                kubectl.add(context);
            }
        }
        if (!"istio-system".equals(istioNamespace)) {
            source.add("--istio-namespace");
            source.add(istioNamespace);
        }
        if (as != null) {
            source.add("--as");
            source.add(as);
        }
        for (String g : asGroups) {
            source.add("--as-group");
            source.add(g);
        }
        return new Invocation(programWords(), source, kubectl, demo);
    }

    /** The program name a launcher passed, else the installed name. */
    static List<String> programWords() {
        return Invocation.programWords(System.getProperty(PROGRAM_PROPERTY));
    }

    /** Access to that cluster, with a progress line on stderr when the output is text on a terminal. */
    ClusterAccess access(CommandSpec spec) {
        ProgressLine line = ProgressLine.forTerminal(spec.commandLine().getErr(), output == OutputFormat.text);
        return new ClusterAccess(target(), new Progress() {
            @Override
            public void show(String status) {
                line.show(status);
            }

            @Override
            public void clear() {
                line.close();
            }
        });
    }

    /** Refuses what cannot be a namespace before it reaches a request path. */
    static final class NamespaceName implements picocli.CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String problem = Target.namespaceProblem(value);
            if (problem != null) {
                throw new picocli.CommandLine.TypeConversionException(problem);
            }
            return value;
        }
    }
}
