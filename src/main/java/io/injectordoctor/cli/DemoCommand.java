package io.injectordoctor.cli;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.demo.DemoCluster;
import io.injectordoctor.demo.Scenario;
import io.injectordoctor.demo.Walkthrough;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "demo",
        description = {
            "Starts the embedded demo cluster: an in-process Kubernetes API server",
            "on 127.0.0.1 with Istio installed and one pod per injection case of",
            "the runbook, and walks you through it. With --serve it keeps serving",
            "and writes a kubeconfig for this tool and for kubectl."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  injector-doctor demo",
            "  injector-doctor demo --serve --kubeconfig /tmp/demo.kubeconfig",
            "  injector-doctor demo --serve --kubeconfig /tmp/demo.kubeconfig \\",
            "      --for 10m --scenario broken",
            "  kubectl --kubeconfig /tmp/demo.kubeconfig get pods -A",
            "",
            "Scenarios:",
            "  healthy  every truth-table row, kube-system, hostNetwork, the",
            "           annotation on the wrong metadata, a stale pod",
            "  broken   the same, with a caBundle that does not match the root,",
            "           an istiod without ready endpoints, and a ReplicaSet",
            "           that cannot create its pods",
            "  modern   the healthy cluster with what current meshes run: ztunnel,",
            "           a waypoint, Gateway API and template gateways, an ambient",
            "           namespace, a revision tag, native sidecars",
            "See docs/demo.md for what kubectl can and cannot do against the demo."
        })
public final class DemoCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--serve", description = "Keep the demo cluster running until interrupted (Ctrl-C) or --for elapses.")
    boolean serve;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "With --serve: where to write the kubeconfig of the demo cluster (context injector-doctor-demo).")
    Path kubeconfig;

    @Option(names = "--for", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --serve: stop after this long, e.g. 90s, 10m, 1h30m (default: until interrupted).")
    Duration duration;

    @Option(names = "--scenario", paramLabel = "NAME", defaultValue = "healthy",
            description = "Which object set to seed: healthy, broken or modern (default: ${DEFAULT-VALUE}).")
    String scenarioName;

    @Override
    public void run() {
        Scenario scenario = scenario();
        if (!serve && (kubeconfig != null || duration != null)) {
            throw new DoctorException(ExitCode.USAGE, "--kubeconfig and --for go with --serve");
        }
        if (serve && kubeconfig == null) {
            throw new DoctorException(ExitCode.USAGE,
                    "--serve needs --kubeconfig FILE: the file to write for injector-doctor and kubectl");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (DemoCluster demo = DemoCluster.start(scenario)) {
            if (serve) {
                serve(demo, out);
            } else {
                walkThrough(demo, out);
            }
        }
    }

    private Scenario scenario() {
        for (Scenario s : Scenario.values()) {
            if (s.cliName().equalsIgnoreCase(scenarioName)) {
                return s;
            }
        }
        throw new DoctorException(ExitCode.USAGE, "unknown scenario '" + scenarioName + "' (use healthy, broken or modern)");
    }

    private void walkThrough(DemoCluster demo, PrintWriter out) {
        out.println("The demo cluster (scenario " + demo.scenario().cliName() + ") holds these pods:");
        out.println();
        List<Walkthrough.PodRow> pods = Walkthrough.pods(demo.client());
        int width = pods.stream().mapToInt(p -> p.namespace().length() + p.name().length() + 1).max().orElse(10);
        out.printf("  %-" + width + "s  %-8s %s%n", "POD", "EXPECTED", "SIDECAR");
        for (Walkthrough.PodRow p : pods) {
            out.printf("  %-" + width + "s  %-8s %s%n", p.namespace() + "/" + p.name(), p.expect(),
                    p.hasProxy() ? "yes" : "no");
        }
        out.println();
        out.println("EXPECTED is the verdict of Istio's own rules; SIDECAR is what the pod has. Where they");
        out.println("differ (the stale pod) the diagnosis has something to explain. Walk through the cases:");
        int n = 0;
        Scenario shown = null;
        for (Walkthrough.Step step : Walkthrough.steps()) {
            if (step.scenario() != shown) {
                shown = step.scenario();
                out.println();
                out.println("== Scenario " + shown.cliName() + (shown == Scenario.BROKEN
                        ? ": the caBundle does not match the root, istiod has no ready endpoint" : ""));
            }
            out.println();
            out.printf("%2d. %s%n", ++n, step.title());
            for (String command : step.run()) {
                out.println("    $ " + command);
            }
            out.println("    shows: " + step.shows());
            out.println("    why:   " + step.why());
        }
        out.println();
        out.println("Next: 'injector-doctor demo --serve --kubeconfig FILE' keeps the cluster up for kubectl.");
    }

    private void serve(DemoCluster demo, PrintWriter out) {
        try {
            demo.writeKubeconfig(kubeconfig);
        } catch (UncheckedIOException e) {
            throw new DoctorException(ExitCode.USAGE, "cannot write the kubeconfig: " + e.getMessage(), e);
        }
        String file = kubeconfig.toString();
        out.println("Demo cluster (scenario " + demo.scenario().cliName() + ") serving at " + demo.url());
        out.println("Kubeconfig written to " + file + " (context " + DemoCluster.CONTEXT + ").");
        out.println();
        out.println("Use it from another terminal:");
        out.println("  injector-doctor explain pods -A --kubeconfig " + file);
        out.println("  injector-doctor check-certs --kubeconfig " + file);
        out.println("  kubectl --kubeconfig " + file + " get pods -A");
        out.println("  export KUBECONFIG=" + file + "   # then plain kubectl and injector-doctor");
        out.println();
        out.println("kubectl can get, label, annotate, delete, and apply new objects (--validate=false);");
        out.println("it cannot watch or apply changes to existing objects. See docs/demo.md.");
        out.println(duration == null ? "Serving until interrupted (Ctrl-C)." : "Serving for " + format(duration) + ".");
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(demo::close, "demo-cluster-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (duration == null) {
                stop.await();
            } else {
                stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        out.println("Demo cluster stopped.");
    }

    static String format(Duration d) {
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    /** Durations as kubectl and Go write them (90s, 10m, 1h30m) or in ISO-8601 (PT10M). */
    static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern GO = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

        @Override
        public Duration convert(String value) {
            String v = value.trim();
            if (v.regionMatches(true, 0, "PT", 0, 2)) {
                try {
                    return nonNegative(Duration.parse(v.toUpperCase(java.util.Locale.ROOT)), value);
                } catch (DateTimeParseException e) {
                    throw invalid(value);
                }
            }
            Matcher m = GO.matcher(v);
            if (v.isEmpty() || !m.matches()) {
                throw invalid(value);
            }
            return Duration.ofHours(part(m, 1)).plusMinutes(part(m, 2)).plusSeconds(part(m, 3));
        }

        private static long part(Matcher m, int group) {
            return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
        }

        private static Duration nonNegative(Duration d, String value) {
            if (d.isNegative()) {
                throw invalid(value);
            }
            return d;
        }

        private static TypeConversionException invalid(String value) {
            return new TypeConversionException("'" + value + "' is not a duration (use e.g. 90s, 10m, 1h30m)");
        }
    }
}
