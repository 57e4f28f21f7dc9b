package io.injectordoctor.cli;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs the CLI with the demo and completion commands, through Main.run once RootCommand registers
 * them, and through an equivalent tree until then.
 */
final class DemoCliRunner {
    record Run(int code, String out, String err) {
    }

    private DemoCliRunner() {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err);
        CommandLine probe = Main.commandLine(o, e);
        int code;
        if (probe.getSubcommands().containsKey("demo") && probe.getSubcommands().containsKey("completion")) {
            code = Main.run(o, e, args);
        } else {
            CommandLine cl = probe;
            if (!cl.getSubcommands().containsKey("demo")) {
                cl.addSubcommand(new DemoCommand());
            }
            if (!cl.getSubcommands().containsKey("completion")) {
                cl.addSubcommand(new CompletionCommand());
            }
            cl.setExecutionExceptionHandler((ex, line, parse) -> {
                if (ex instanceof DoctorException de) {
                    e.println("error: " + de.getMessage());
                    return de.exitCode();
                }
                throw ex;
            });
            cl.setParameterExceptionHandler((ex, a) -> {
                e.println("error: " + ex.getMessage());
                return ExitCode.USAGE;
            });
            cl.setOut(o);
            cl.setErr(e);
            code = cl.execute(args);
        }
        o.flush();
        e.flush();
        return new Run(code, out.toString(), err.toString());
    }
}
