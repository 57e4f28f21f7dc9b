package io.injectordoctor.cli;

import io.injectordoctor.app.Outcome;
import io.injectordoctor.render.Structured;
import io.injectordoctor.render.Style;
import io.injectordoctor.report.Invocation;
import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one output step: a service's report goes to stdout as text (through the command's renderer),
 * JSON or YAML, and the run ends with the outcome's exit code.
 */
final class Output {
    /** Writes a report as text. */
    interface Text<R> {
        void write(PrintWriter out, Style style, R report);
    }

    private final CommandSpec spec;
    private final GlobalOptions global;

    Output(CommandSpec spec, GlobalOptions global) {
        this.spec = spec;
        this.global = global;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    boolean text() {
        return global.output == GlobalOptions.OutputFormat.text;
    }

    boolean yaml() {
        return global.output == GlobalOptions.OutputFormat.yaml;
    }

    /** How this run was invoked, for the commands its output prints. */
    Invocation invocation() {
        return global.invocation();
    }

    Style style() {
        return Style.detect(global.noColor);
    }

    <R> int emit(Outcome<R> outcome, Text<R> text) {
        return emit(outcome, text, r -> r);
    }

    /** @param structured the model JSON and YAML show for the report */
    <R> int emit(Outcome<R> outcome, Text<R> text, Function<R, Object> structured) {
        PrintWriter out = out();
        if (text()) {
            text.write(out, style(), outcome.report());
        } else {
            Structured.write(out, structured.apply(outcome.report()), yaml(), invocation());
        }
        out.flush();
        return outcome.exitCode();
    }
}
