package io.injectordoctor.cli;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "completion",
        description = {
            "Prints a shell completion script for bash or zsh, generated from",
            "the commands and options of this build, so it never lags behind."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  source <(injector-doctor completion bash)   # bash, this shell",
            "  injector-doctor completion bash \\",
            "      > /etc/bash_completion.d/injector-doctor",
            "  source <(injector-doctor completion zsh)    # zsh, e.g. in ~/.zshrc"
        })
public final class CompletionCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    String shell;

    @Override
    public void run() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new DoctorException(ExitCode.USAGE, "unsupported shell '" + shell + "' (use bash or zsh)");
        }
        CommandLine root = spec.root().commandLine();
        String name = root.getCommandName();
        // One script serves both shells: under zsh its header loads bashcompinit and registers the
        // same completion function.
        spec.commandLine().getOut().print(AutoComplete.bash(name, root));
        spec.commandLine().getOut().flush();
    }
}
