package io.injectordoctor.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "injector-doctor",
        mixinStandardHelpOptions = true,
        // --help and --version on every subcommand
        scope = picocli.CommandLine.ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        description = {
            "Diagnoses Istio sidecar injection: explains why a pod was or was not injected,",
            "checks the injection webhook and its certificates, and offers the fix."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0   healthy or consistent (warnings alone do not fail)",
            "  1   findings at or above the failure threshold",
            "  64  usage error",
            "  65  bad input data (unparseable file or snapshot)",
            "  69  cluster unreachable",
            "  70  internal error",
            "  77  unauthorised or forbidden"
        })
public final class RootCommand implements Runnable {
    /**
     * The subcommands, in the order help lists them. Not in the annotation: {@link Main} registers
     * only the one a run names, because picocli builds every registered command's model up front.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            ExplainCommand.class,
            CheckCertsCommand.class,
            CheckCommand.class,
            ChecksListCommand.class,
            DocsCommand.class,
            RestartInjectorCommand.class,
            InjectCommand.class,
            ServeCommand.class,
            SnapshotCommand.class,
            DemoCommand.class,
            CompletionCommand.class,
            VersionCommand.class,
            CompleteCommand.class,
            picocli.CommandLine.HelpCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
