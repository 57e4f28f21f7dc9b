package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.testing.MockCluster.Result;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandTreeTest {
    private static CommandLine tree(String... args) {
        return Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    }

    @Test
    void aRunThatNamesACommandBuildsOnlyThatCommand() {
        assertThat(tree("explain", "pod/x").getSubcommands().keySet()).containsExactly("explain");
        assertThat(tree("checks", "list").getSubcommands().keySet()).containsExactly("checks");
        assertThat(tree("checks", "list").getSubcommands().get("checks").getSubcommands()).containsKey("list");
    }

    @Test
    void helpOptionsAndUnknownWordsBuildEveryCommand() {
        int all = RootCommand.SUBCOMMANDS.size();
        assertThat(tree().getSubcommands()).hasSize(all);
        assertThat(tree("--help").getSubcommands()).hasSize(all);
        assertThat(tree("help", "explain").getSubcommands()).hasSize(all);
        assertThat(tree("completion").getSubcommands()).hasSize(all);
        assertThat(tree("explian").getSubcommands()).hasSize(all);
    }

    @Test
    void aMistypedCommandIsStillAnsweredWithTheCommandsThereAre() {
        Result r = Result.of("explian", "pod/x");
        assertThat(r.exitCode()).isEqualTo(64);
        assertThat(r.err()).startsWith("error: Unmatched arguments").contains("Did you mean: explain");
    }

    @Test
    void rootHelpListsEveryCommand() {
        Result r = Result.of("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("explain", "check-certs", "restart-injector", "inject", "demo", "completion");
    }
}
