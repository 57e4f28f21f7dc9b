package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.testing.MockCluster.Result;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command answers --help, and its help teaches with examples and names its exit codes. */
class HelpTest {
    private static List<String> commands() {
        List<String> out = new ArrayList<>();
        collect(Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), "", out);
        return out;
    }

    private static void collect(CommandLine cl, String prefix, List<String> out) {
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            String name = (prefix + " " + e.getKey()).trim();
            if (e.getValue().getSubcommands().isEmpty()) {
                out.add(name);
            } else {
                collect(e.getValue(), name, out);
            }
        }
    }

    @Test
    void everyCommandHasHelpWithExamplesAndExitCodes() {
        List<String> commands = commands();
        assertThat(commands).contains("explain", "check", "check-certs", "checks list", "restart-injector", "inject",
                "serve", "snapshot", "demo", "completion");
        for (String c : commands) {
            List<String> args = new ArrayList<>(List.of(c.split(" ")));
            args.add("--help");
            Result r = Result.of(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(c).isZero();
            assertThat(r.out()).as(c).containsIgnoringCase("example").contains("Usage: injector-doctor " + c);
        }
    }
}
