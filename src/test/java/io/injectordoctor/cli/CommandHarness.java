package io.injectordoctor.cli;

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
        CommandLine cl = new CommandLine(command);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        int code = Main.execute(cl, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }
}
