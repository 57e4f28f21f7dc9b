package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {
    @Test
    void theBashScriptNamesTheSubcommandsAndTheirOptions() {
        DemoCliRunner.Run r = DemoCliRunner.run("completion", "bash");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("complete -F _complete_injector-doctor", "explain", "demo", "completion",
                "--serve", "--scenario", "--kubeconfig");
    }

    @Test
    void theZshScriptLoadsBashCompletionSupport() {
        DemoCliRunner.Run r = DemoCliRunner.run("completion", "zsh");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("bashcompinit", "demo", "explain");
    }

    @Test
    void anUnknownShellIsAUsageError() {
        DemoCliRunner.Run r = DemoCliRunner.run("completion", "fish");
        assertThat(r.code()).isEqualTo(64);
        assertThat(r.err()).contains("unsupported shell 'fish'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void bashCompletesTheSubcommands(@TempDir Path dir) throws Exception {
        Path bash = Path.of("/bin/bash");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(bash), "bash is not installed");
        Path script = dir.resolve("completion.bash");
        Files.writeString(script, DemoCliRunner.run("completion", "bash").out());
        String probe = "source " + script + "\n"
                + "COMP_WORDS=(injector-doctor de); COMP_CWORD=1; COMP_LINE='injector-doctor de'; COMP_POINT=18\n"
                + "_complete_injector-doctor\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process p = new ProcessBuilder(bash.toString(), "-c", probe).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out.lines()).contains("demo");
    }
}
