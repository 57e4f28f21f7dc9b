package io.injectordoctor.render;

import io.injectordoctor.report.Advice;
import io.injectordoctor.report.Command;
import io.injectordoctor.report.Invocation;
import java.io.PrintWriter;
import java.util.List;

/**
 * Advice as text: a command after {@code $ } (nothing else on that line, so it can be pasted as it
 * is), a sentence after {@code - }. Commands are spelled for the run's invocation.
 */
final class AdviceLines {
    private final Invocation invocation;

    AdviceLines(Invocation invocation) {
        this.invocation = invocation;
    }

    Invocation invocation() {
        return invocation;
    }

    void write(PrintWriter out, String indent, List<Advice> steps) {
        for (Advice a : steps) {
            out.println(indent + (a.isCommand() ? "$ " : "- ") + a.line(invocation));
        }
        demoNote(out, indent, steps);
    }

    String line(Command c) {
        return invocation.line(c);
    }

    /** The command that prints a page from inside the binary, or the path when the binary does not carry it. */
    String page(String docPath) {
        Command c = Command.page(docPath);
        return c == null ? docPath : invocation.line(c);
    }

    /**
     * kubectl cannot reach the demo cluster once this run is over: the lines are what a real cluster
     * would run, and the demo can be kept up for them. Said, not left for the user to find out.
     */
    void demoNote(PrintWriter out, String indent, List<Advice> steps) {
        if (invocation.demo() && steps.stream().anyMatch(a -> a.isCommand()
                && a.command().program() == Command.Program.KUBECTL)) {
            out.println(indent + "  (the demo cluster lives only while this command runs: on a real cluster these kubectl"
                    + " lines run as printed; '" + invocation.programLine() + " demo --serve --kubeconfig FILE' keeps the demo up"
                    + " for kubectl)");
        }
    }
}
