package io.injectordoctor.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A command the tool advises, as words, not prose: the program it runs and its arguments with real
 * values. How the program is spelled and which cluster it reaches (the run's {@code --demo},
 * {@code --snapshot}, {@code --kubeconfig}, {@code --context}) is added when it is printed, by
 * {@link Invocation}, so that the line runs as printed.
 *
 * @param program  which program: this tool on the run's source, this tool anywhere (its built-in
 *                 pages), or kubectl on the run's cluster
 * @param args     the arguments after the program's name
 * @param stdoutTo a file the command's output is saved to ({@code > FILE}), or null
 */
public record Command(Program program, List<String> args, String stdoutTo) {
    public enum Program {
        /** injector-doctor, against the same source as this run. */
        SELF,
        /** injector-doctor for something that needs no cluster (a documentation page, the catalogue). */
        SELF_OFFLINE,
        /** kubectl, against the cluster of this run. */
        KUBECTL
    }

    public Command {
        Objects.requireNonNull(program, "program");
        args = List.copyOf(args);
    }

    public static Command self(String... args) {
        return new Command(Program.SELF, List.of(args), null);
    }

    public static Command offline(String... args) {
        return new Command(Program.SELF_OFFLINE, List.of(args), null);
    }

    public static Command kubectl(String... args) {
        return new Command(Program.KUBECTL, List.of(args), null);
    }

    private static final java.util.regex.Pattern CHECK_PAGE =
            java.util.regex.Pattern.compile("docs/checks/([A-Za-z0-9_-]+)\\.md");
    private static final java.util.regex.Pattern DOC_PAGE =
            java.util.regex.Pattern.compile("docs/([A-Za-z0-9_.-]+?)(?:\\.md)?(#[A-Za-z0-9_-]+)?");

    /**
     * The command that prints a documentation page from inside the binary, for a page named by its
     * repository path ({@code docs/checks/ID0601.md}: {@code checks show ID0601};
     * {@code docs/check-certs.md#probe_failed}: {@code docs check-certs#probe_failed}); null for
     * anything else, which the binary does not carry.
     */
    public static Command page(String docPath) {
        if (docPath == null) {
            return null;
        }
        java.util.regex.Matcher c = CHECK_PAGE.matcher(docPath);
        if (c.matches()) {
            return offline("checks", "show", c.group(1));
        }
        java.util.regex.Matcher d = DOC_PAGE.matcher(docPath);
        if (d.matches()) {
            return offline("docs", d.group(1) + (d.group(2) == null ? "" : d.group(2).toLowerCase(java.util.Locale.ROOT)));
        }
        return null;
    }

    /** The same command with its standard output saved to {@code file}. */
    public Command savingTo(String file) {
        return new Command(program, args, file);
    }

    /** The same command in namespace {@code ns} ({@code -n NS}); as it is when the namespace is not known. */
    public Command inNamespace(String ns) {
        return ns == null ? this : with("-n", ns);
    }

    /** The same command with more arguments. */
    public Command with(String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return new Command(program, all, stdoutTo);
    }
}
