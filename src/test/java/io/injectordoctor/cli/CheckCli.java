package io.injectordoctor.cli;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs the CLI with captured output. Uses {@link Main#run} once RootCommand registers the check
 * commands; until then it adds them to the same command tree with the same error handling.
 */
final class CheckCli {
    record Result(int code, String out, String err) {
    }

    private CheckCli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err);
        CommandLine cl = Main.commandLine(o, e);
        int code;
        if (cl.getSubcommands().containsKey("check") && cl.getSubcommands().containsKey("checks")) {
            code = Main.run(o, e, args);
        } else {
            cl.addSubcommand("check", new CheckCommand());
            cl.addSubcommand("checks", new ChecksListCommand());
            cl.setOut(o);
            cl.setErr(e);
            cl.setCaseInsensitiveEnumValuesAllowed(true);
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
            code = cl.execute(args);
        }
        o.flush();
        e.flush();
        return new Result(code, out.toString(), err.toString());
    }
}
