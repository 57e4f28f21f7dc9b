package io.injectordoctor.cli;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.app.ClusterAccess;
import io.injectordoctor.render.SafeText;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/** Entry point: builds the command tree and maps failures to exit codes. */
public final class Main {
    private static final String CANNOT_WRITE = "error: cannot write to standard output (a full disk, or the reader"
            + " closed it); the output is incomplete";

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && "--version".equals(args[0])) {
            // Scripts ask for the version often: answered before picocli and the terminal are loaded.
            for (String line : new VersionProvider().getVersion()) {
                System.out.println(line);
            }
            if (System.out.checkError()) {
                System.err.println(CANNOT_WRITE);
                System.exit(ExitCode.IOERR);
            }
            System.exit(ExitCode.OK);
        }
        java.nio.charset.Charset charset = io.injectordoctor.render.Terminal.outputCharset();
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true);
        try {
            // Onto the file descriptor, not System.out: a PrintStream keeps write errors to itself, so
            // a full disk would never reach the writer's checkError (see execute).
            PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(
                    new java.io.FileOutputStream(java.io.FileDescriptor.out), charset), true);
            String[] words = GlobalArguments.reorder(args);
            int code = execute(commandLine(out, err, words), out, err, words);
            ClusterAccess.releaseThreads();
            System.exit(code);
        } catch (OutOfMemoryError e) {
            // Exit 1 would read as "findings"; this is the tool failing.
            err.println("error: out of memory; give the JVM more heap, e.g. INJECTOR_DOCTOR_JAVA_OPTS=-Xmx1g "
                    + "scripts/injector-doctor ...");
            System.exit(ExitCode.INTERNAL);
        }
    }

    /** Runs one invocation with the given writers; used by tests to capture output. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        String[] words = GlobalArguments.reorder(args);
        return execute(commandLine(out, err, words), out, err, words);
    }

    /** Runs a command tree with the CLI's failure handling: one error line, the documented exit code. */
    static int execute(CommandLine cl, PrintWriter out, PrintWriter err, String... args) {
        cl.setOut(out);
        cl.setErr(err);
        boolean debug = Arrays.asList(args).contains("--debug");
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            if (ex instanceof DoctorException de) {
                // A message can quote the cluster (an API server's Status, a name): escaped like all output.
                err.println("error: " + SafeText.line(de.getMessage()));
                if (debug) {
                    ex.printStackTrace(err);
                }
                err.flush();
                return de.exitCode();
            }
            err.println("internal error: " + SafeText.line(String.valueOf(ex)) + (debug ? "" : " (run with --debug for details)"));
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ExitCode.INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("error: " + SafeText.line(ex.getMessage()));
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                err.println("Did you mean: " + String.join(" or ", u.getSuggestions()) + "?");
            }
            CommandLine sub = ex.getCommandLine();
            err.println("Run '" + sub.getCommandSpec().qualifiedName() + " --help' for usage.");
            err.flush();
            return ExitCode.USAGE;
        });
        int code = cl.execute(args);
        out.flush();
        if (out.checkError() && code != ExitCode.IOERR) {
            // PrintWriter keeps write errors to itself: a full disk or a closed pipe would pass for success.
            err.println(CANNOT_WRITE);
            code = ExitCode.IOERR;
        }
        err.flush();
        return code;
    }

    /** The whole command tree: help, completion and tests see every command. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, new String[0]);
    }

    /**
     * The tree for one run: when the first argument names a subcommand, only that one is built
     * (building all of them costs a short command a sixth of its time); otherwise all of them.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
        CommandLine cl = new CommandLine(new RootCommand());
        Class<?> only = args.length == 0 ? null : subcommandNamed(args[0]);
        for (Class<?> c : RootCommand.SUBCOMMANDS) {
            if (only == null || only == c) {
                cl.addSubcommand(c);
            }
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // The examples in each command's help are written for 120 columns.
        cl.setUsageHelpWidth(120);
        return cl;
    }

    private static Class<?> subcommandNamed(String arg) {
        // help and completion describe every command, so they need them all.
        if (arg.startsWith("-") || "help".equals(arg) || "completion".equals(arg)) {
            return null;
        }
        for (Class<?> c : RootCommand.SUBCOMMANDS) {
            picocli.CommandLine.Command cmd = c.getAnnotation(picocli.CommandLine.Command.class);
            if (arg.equals(cmd.name()) || Arrays.asList(cmd.aliases()).contains(arg)) {
                return c;
            }
        }
        return null;
    }
}
