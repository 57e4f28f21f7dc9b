package io.injectordoctor.cli;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs one command object the way {@link Main#run} runs the registered ones (same exit-code
 * mapping and "error:" line), so a command can be tested with its own gate or stdin.
 */
final class CommandHarness {
    record Result(int code, String out, String err) {
    }

    private CommandHarness() {
    }

    static Result run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        CommandLine cl = new CommandLine(command);
        cl.setOut(o);
        cl.setErr(e);
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
        int code = cl.execute(args);
        o.flush();
        e.flush();
        return new Result(code, out.toString(), err.toString());
    }
}
