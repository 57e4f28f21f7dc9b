package io.injectordoctor.cli;

import io.injectordoctor.app.CheckService;
import io.injectordoctor.app.FleetService;
import io.injectordoctor.app.Outcome;
import io.injectordoctor.checks.CheckRegistry;
import io.injectordoctor.checks.RunOptions;
import io.injectordoctor.render.CheckReportText;
import io.injectordoctor.report.CheckReport;
import io.injectordoctor.report.CheckReportJson;
import io.injectordoctor.report.Severity;
import java.nio.file.Path;
import java.util.List;
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
            "failed, 2 partial: none failed, but the API server failed (5xx) to give some kind, so the checks",
            "that need it were skipped (1 wins over 2; a refused kind is a warning of ID0102 instead), 64 usage",
            "(also an unknown check id), 65 unparseable snapshot or plugin, 69 cluster unreachable, 74 cannot",
            "write the output, 77 forbidden, 70 internal."})
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions global;

    @Mixin
    FleetOptions fleet;

    @Mixin
    FailOnOption failOn;

    @Option(names = "--only", paramLabel = "ID", split = ",", description = "Run only these checks (repeat or separate with commas).")
    List<String> only = List.of();

    @Option(names = "--skip", paramLabel = "ID", split = ",", description = "Do not run these checks.")
    List<String> skip = List.of();

    @Option(names = "--plugin-path", paramLabel = "DIR", description = "Load extra checks from the jars in DIR.")
    Path pluginPath;

    @Option(names = {"-v", "--verbose"}, description = "Also show informational findings in text output.")
    boolean verbose;

    @Override
    public Integer call() {
        CheckRegistry registry = CheckService.registry(pluginPath);
        Severity threshold = failOn.threshold();
        if (fleet.active()) {
            return Fleet.run(spec, global, fleet, access -> {
                CheckService service = new CheckService(access, registry);
                Outcome<CheckReport> o = service.run(service.options(only, skip), global.namespace, threshold);
                return new FleetService.Summary(o.exitCode(), CheckReportJson.of(o.report(), threshold).summary());
            });
        }
        CheckService service = new CheckService(global.access(spec), registry);
        RunOptions options = service.options(only, skip);
        return new Output(spec, global).emit(service.run(options, global.namespace, threshold),
                (out, style, r) -> new CheckReportText(style, verbose, global.invocation()).write(out, r, threshold),
                r -> CheckReportJson.of(r, threshold));
    }
}
