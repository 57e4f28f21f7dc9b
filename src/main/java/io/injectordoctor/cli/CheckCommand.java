package io.injectordoctor.cli;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.checks.BuiltInChecks;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.checks.CheckRegistry;
import io.injectordoctor.checks.SubjectScope;
import io.injectordoctor.decision.InjectionSubject;
import io.injectordoctor.report.CheckReport;
import io.injectordoctor.checks.PluginLoader;
import io.injectordoctor.checks.RunOptions;
import io.injectordoctor.checks.Runner;
import io.injectordoctor.report.Severity;
import io.injectordoctor.report.CheckReportJson;
import io.injectordoctor.render.CheckReportText;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.LoadRequest;
import io.injectordoctor.render.Structured;
import io.injectordoctor.render.Style;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "Run every check of the catalogue against the cluster, grouped by category like 'linkerd check':",
            "the API and permissions, the injection webhooks, the injector config, namespaces, workloads, pods,",
            "the injector's health and the event log. 'injector-doctor checks list' shows the catalogue."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  injector-doctor check",
            "  injector-doctor check --fail-on warning -o json",
            "  injector-doctor check --only ID0801,ID0802,ID0901        # is the injector up, what failed",
            "  injector-doctor check --skip ID0601 --snapshot cluster-dump.yaml",
            "  injector-doctor check --plugin-path ./checks.d           # extra checks from jars",
            "",
            "Silence a check for a namespace or workload with the annotation",
            "  injector-doctor.io/ignore: ID0402,ID0501",
            "",
            "Exit codes: 0 no check failed (warnings alone do not fail unless --fail-on warning), 1 a check",
            "failed, 64 usage (also an unknown check id), 65 unparseable snapshot or plugin, 69 cluster",
            "unreachable, 77 forbidden, 70 internal."})
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions global;

    @Mixin
    FleetOptions fleet;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit 1 when a check reports at or above: error or warning (default: ${DEFAULT-VALUE}).")
    FailOn failOn = FailOn.error;

    @Option(names = "--only", paramLabel = "ID", split = ",", description = "Run only these checks (repeat or separate with commas).")
    List<String> only = List.of();

    @Option(names = "--skip", paramLabel = "ID", split = ",", description = "Do not run these checks.")
    List<String> skip = List.of();

    @Option(names = "--plugin-path", paramLabel = "DIR", description = "Load extra checks from the jars in DIR.")
    Path pluginPath;

    @Option(names = {"-v", "--verbose"}, description = "Also show informational findings in text output.")
    boolean verbose;

    enum FailOn { error, warning }

    @Override
    public Integer call() {
        if (fleet.active()) {
            return Fleet.run(spec, global, fleet);
        }
        CheckRegistry registry = registry(pluginPath);
        RunOptions options = new RunOptions(upper(only), upper(skip));
        List<String> unknown = options.unknown(registry.ids());
        if (!unknown.isEmpty()) {
            throw new DoctorException(ExitCode.USAGE, "unknown check id " + String.join(", ", unknown)
                    + " (see 'injector-doctor checks list')");
        }
        Runner runner = new Runner(registry);
        ClusterSnapshot snapshot = Loading.snapshot(global, new LoadRequest(runner.kinds(options), global.namespace, null));
        CheckContext context = CheckContext.of(snapshot);
        CheckReport report = runner.run(context, options);
        if (global.namespace != null) {
            // -n checks the namespace and what serves it, not what the control plane's own objects say.
            String ns = global.namespace;
            report = report.restrictedTo(SubjectScope.ofNamespace(snapshot, ns,
                    context.decide(ns, new InjectionSubject(ns, java.util.Map.of(), java.util.Map.of(), false))));
        }
        Severity threshold = failOn == FailOn.warning ? Severity.WARNING : Severity.ERROR;
        PrintWriter out = spec.commandLine().getOut();
        switch (global.output) {
            case text -> new CheckReportText(Style.detect(global.noColor), verbose).write(out, report, threshold);
            case json -> Structured.write(out, CheckReportJson.of(report, threshold), false);
            case yaml -> Structured.write(out, CheckReportJson.of(report, threshold), true);
        }
        return report.success(threshold) ? ExitCode.OK : ExitCode.FINDINGS;
    }

    static CheckRegistry registry(Path pluginPath) {
        if (pluginPath == null) {
            return CheckRegistry.builtIn();
        }
        PluginLoader.Plugins plugins = PluginLoader.load(pluginPath);
        return CheckRegistry.of(BuiltInChecks.all(), plugins.checks(), plugins.loader());
    }

    private static Set<String> upper(List<String> ids) {
        Set<String> out = new LinkedHashSet<>();
        ids.stream().map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.toUpperCase(java.util.Locale.ROOT))
                .forEach(out::add);
        return out;
    }
}
