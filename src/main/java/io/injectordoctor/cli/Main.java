package io.injectordoctor.cli;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/** Entry point: builds the command tree and maps failures to exit codes. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            System.exit(run(new PrintWriter(System.out, true), err, args));
        } catch (OutOfMemoryError e) {
            // Exit 1 would read as "findings"; this is the tool failing.
            err.println("error: out of memory; give the JVM more heap, e.g. INJECTOR_DOCTOR_JAVA_OPTS=-Xmx1g "
                    + "scripts/injector-doctor ...");
            System.exit(ExitCode.INTERNAL);
        }
    }

    /** Runs one invocation with the given writers; used by tests to capture output. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return execute(commandLine(out, err), out, err, args);
    }

    /** Runs a command tree with the CLI's failure handling: one error line, the documented exit code. */
    static int execute(CommandLine cl, PrintWriter out, PrintWriter err, String... args) {
        cl.setOut(out);
        cl.setErr(err);
        boolean debug = Arrays.asList(args).contains("--debug");
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            if (ex instanceof DoctorException de) {
                err.println("error: " + de.getMessage());
                if (debug) {
                    ex.printStackTrace(err);
                }
                err.flush();
                return de.exitCode();
            }
            err.println("internal error: " + ex + (debug ? "" : " (run with --debug for details)"));
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ExitCode.INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("error: " + ex.getMessage());
            CommandLine sub = ex.getCommandLine();
            err.println("Run '" + sub.getCommandSpec().qualifiedName() + " --help' for usage.");
            err.flush();
            return ExitCode.USAGE;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new RootCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // The examples in each command's help are written for 120 columns.
        cl.setUsageHelpWidth(120);
        return cl;
    }
}
