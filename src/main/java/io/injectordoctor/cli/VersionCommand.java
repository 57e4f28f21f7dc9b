package io.injectordoctor.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code version}, as kubectl has it: the same lines as {@code --version}. */
@Command(name = "version",
        description = "Prints the version, the git commit and the date of this build.",
        footerHeading = "%nExamples:%n",
        footer = {"  injector-doctor version", "  injector-doctor --version"})
public final class VersionCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        for (String line : new VersionProvider().getVersion()) {
            out.println(line);
        }
        out.flush();
    }
}
