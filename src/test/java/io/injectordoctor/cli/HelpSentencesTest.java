package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.testing.MockCluster.Result;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * --help never cuts a sentence: every description of every command, option and parameter ends as a
 * sentence ends, and what the help prints keeps the whole text (picocli wraps, it does not truncate).
 */
class HelpSentencesTest {
    private static void collect(CommandLine cl, List<CommandSpec> out) {
        out.add(cl.getCommandSpec());
        cl.getSubcommands().values().forEach(sub -> collect(sub, out));
    }

    private static List<CommandSpec> commands() {
        List<CommandSpec> out = new ArrayList<>();
        collect(Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), out);
        return out;
    }

    @Test
    void everyDescriptionEndsAsASentenceEnds() {
        List<String> cut = new ArrayList<>();
        for (CommandSpec c : commands()) {
            check(c.qualifiedName(), c.usageMessage().description(), cut);
            for (ArgSpec a : c.args()) {
                check(c.qualifiedName() + " " + a.paramLabel() + (a.isOption() ? " " + ((CommandLine.Model.OptionSpec) a)
                        .longestName() : ""), a.description(), cut);
            }
        }
        assertThat(cut).as("descriptions that end mid-sentence").isEmpty();
    }

    private static void check(String where, String[] description, List<String> cut) {
        if (description.length == 0) {
            return;
        }
        String text = String.join(" ", description).replace("%n", " ").strip();
        if (!text.matches("(?s).*[.)!?:]$")) {
            cut.add(where + ": " + text);
        }
    }

    @Test
    void thePrintedHelpHoldsEveryWordOfEveryDescription() {
        for (CommandSpec c : commands()) {
            if (c.name().equals("help") || c.usageMessage().hidden()) {
                continue;
            }
            List<String> args = new ArrayList<>(List.of(c.qualifiedName().split(" ")));
            args.remove(0);
            args.add("--help");
            // picocli may break a line after a dot inside a word (request.userInfo): compare without spaces
            String help = Result.of(args.toArray(String[]::new)).out().replaceAll("\\s+", "");
            for (ArgSpec a : c.args()) {
                if (a.hidden()) {
                    continue;
                }
                String text = String.join(" ", a.description()).replaceAll("\\s+", "");
                if (text.contains("${")) {
                    continue;
                }
                assertThat(help).as(c.qualifiedName() + " help shows all of: " + text).contains(text);
            }
        }
    }
}
