package io.injectordoctor.cli;

import io.injectordoctor.app.CompletionService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The words the completion script offers, one a line: called by the script on TAB, never by a
 * person. Prints nothing when the cluster cannot be asked in time, and always exits 0.
 */
@Command(name = "__complete", hidden = true,
        description = "Completion candidates for the shell completion script (see 'completion').",
        footerHeading = "%nExample:%n",
        footer = {"  injector-doctor __complete pod/ --context prod -n shop"})
public final class CompleteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WHAT",
            description = "checks, contexts, namespaces, or KIND/ for pod/, deployment/, namespace/ ...")
    String what;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "The kubeconfig the command line names.")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "The context the command line names.")
    String context;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "The namespace the command line names.")
    String namespace;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CompletionService.of(kubeconfig, context, namespace).candidates(what).forEach(out::println);
        out.flush();
        return 0;
    }
}
