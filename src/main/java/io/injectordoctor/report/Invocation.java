package io.injectordoctor.report;

import java.util.ArrayList;
import java.util.List;

/**
 * How this run was invoked, so that the commands it prints run as printed: the name the user typed
 * ({@code injector-doctor}, {@code scripts/injector-doctor}, {@code kubectl injector-doctor}), the
 * flags that chose its source ({@code --demo}, {@code --snapshot FILE}, {@code --kubeconfig F},
 * {@code --context C}, a non-default {@code --istio-namespace}), and the flags kubectl needs to reach
 * the same cluster ({@code --kubeconfig}, {@code --context}, spelled as kubectl spells them).
 *
 * @param demo whether the run reads the embedded demo cluster, which kubectl cannot reach once the
 *             run is over
 */
public record Invocation(List<String> program, List<String> sourceFlags, List<String> kubectlFlags, boolean demo) {
    public static final String DEFAULT_PROGRAM = "injector-doctor";

    public Invocation {
        program = List.copyOf(program);
        sourceFlags = List.copyOf(sourceFlags);
        kubectlFlags = List.copyOf(kubectlFlags);
        if (program.isEmpty()) {
            throw new IllegalArgumentException("a program name is needed");
        }
    }

    /** An installed tool on the default kubeconfig: what a line means when nothing else is known. */
    public static Invocation plain() {
        return new Invocation(List.of(DEFAULT_PROGRAM), List.of(), List.of(), false);
    }

    /**
     * The words of a program name as a launcher passes it: {@code kubectl injector-doctor} is two
     * words (kubectl runs its plugin); anything else is one path, spaces and all.
     */
    public static List<String> programWords(String name) {
        if (name == null || name.isBlank()) {
            return List.of(DEFAULT_PROGRAM);
        }
        String n = name.strip();
        if (n.startsWith("kubectl ") && !n.substring("kubectl ".length()).isBlank()) {
            return List.of("kubectl", n.substring("kubectl ".length()).strip());
        }
        return List.of(n);
    }

    /** The command's words as the shell should receive them. */
    public List<String> argv(Command c) {
        List<String> out = new ArrayList<>();
        switch (c.program()) {
            case SELF -> {
                out.addAll(program);
                out.addAll(c.args());
                out.addAll(sourceFlags);
            }
            case SELF_OFFLINE -> {
                out.addAll(program);
                out.addAll(c.args());
            }
            case KUBECTL -> {
                out.add("kubectl");
                out.addAll(kubectlFlags);
                out.addAll(c.args());
            }
        }
        return out;
    }

    /** The command as one line to paste into a POSIX shell. */
    public String line(Command c) {
        String line = ShellWords.join(argv(c));
        return c.stdoutTo() == null ? line : line + " > " + ShellWords.quote(c.stdoutTo());
    }

    /** How this tool is called, for prose that names it. */
    public String programLine() {
        return ShellWords.join(program);
    }
}
