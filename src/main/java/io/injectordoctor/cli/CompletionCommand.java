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
            "  source <(injector-doctor completion zsh)    # zsh, e.g. in ~/.zshrc",
            "",
            "Besides commands and options it completes check ids (--only, --skip, checks show), contexts",
            "(--context), namespaces (-n) and pod/, deployment/, statefulset/, daemonset/, replicaset/, job/",
            "and namespace/ names from the cluster of the command line's kubeconfig and context: one request,",
            "at most 2 seconds, nothing offered when the cluster does not answer in time."
        })
public final class CompletionCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    String shell;

    /**
     * Wraps picocli's function: the words that name cluster objects, contexts or check ids are asked
     * of the tool itself (the hidden __complete command, as the user typed the tool's name), with the
     * --kubeconfig, --context and -n of the command line; every other word is picocli's.
     */
    static String clusterCompletion(String name) {
        String fn = "_injector_doctor_cluster_" + name.replaceAll("[^A-Za-z0-9_]", "_");
        String picocli = "_complete_" + name;
        return String.join("\n",
                "",
                "# Cluster-aware words: namespaces, pod/ and workload names, contexts, check ids.",
                fn + "() {",
                "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" what=\"\"",
                "  case \"$prev\" in",
                "    -n|--namespace|--istio-namespace) what=namespaces ;;",
                "    --context) what=contexts ;;",
                "    --only|--skip) what=checks ;;",
                "    show) [ \"${COMP_WORDS[1]}\" = checks ] && what=checks ;;",
                "  esac",
                "  if [ -z \"$what\" ]; then",
                "    case \"$cur\" in",
                "      pod/*|deployment/*|statefulset/*|daemonset/*|replicaset/*|job/*|namespace/*) what=\"${cur%%/*}/\" ;;",
                "    esac",
                "  fi",
                "  if [ -z \"$what\" ]; then",
                "    " + picocli + " \"$@\"",
                "    return",
                "  fi",
                "  local flags=() i=1 w",
                "  while [ $i -lt $COMP_CWORD ]; do",
                "    w=\"${COMP_WORDS[$i]}\"",
                "    case \"$w\" in",
                "      --kubeconfig|--context|-n|--namespace) flags+=(\"$w\" \"${COMP_WORDS[$((i + 1))]}\"); i=$((i + 1)) ;;",
                "      --kubeconfig=*|--context=*|--namespace=*) flags+=(\"$w\") ;;",
                "    esac",
                "    i=$((i + 1))",
                "  done",
                "  local IFS=$'\\n'",
                "  COMPREPLY=( $(compgen -W \"$(\"${COMP_WORDS[0]}\" __complete \"$what\" \"${flags[@]}\" 2>/dev/null)\" -- \"$cur\") )",
                "}",
                "complete -F " + fn + " -o default " + name,
                "");
    }

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
        spec.commandLine().getOut().print(clusterCompletion(name));
        spec.commandLine().getOut().flush();
    }
}
