package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.injectordoctor.demo.Walkthrough;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;

class DemoCommandTest {
    @Test
    void walksThroughTheScenariosWithTheLivePods() {
        DemoCliRunner.Run r = DemoCliRunner.run("demo");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("opt-in/tt-01-match-enabled-true", "labelled-late/legacy-api-59d4b8c7f6-pq7zd")
                .containsPattern("opt-in/tt-03-match-enabled-absent +inject +yes")
                .containsPattern("labelled-late/legacy-api-59d4b8c7f6-pq7zd +inject +no")
                .containsPattern("opt-out/tt-07-nomatch-enabled-true +skip +no")
                .contains("== Scenario healthy", "== Scenario broken",
                        "$ injector-doctor explain pod/tt-03-match-enabled-absent -n opt-in --demo",
                        "shows: ", "why:   ");
        assertThat(r.err()).isEmpty();
        // Every pod a step names is one the demo really holds.
        for (Walkthrough.Step step : Walkthrough.steps()) {
            if (!step.pod().isEmpty()) {
                assertThat(r.out()).as(step.title()).contains(step.pod());
            }
            assertThat(step.run()).as(step.title()).isNotEmpty();
        }
    }

    @Test
    void servesForADurationAndWritesAKubeconfigThatWorks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("demo.kubeconfig");
        DemoCliRunner.Run r = DemoCliRunner.run("demo", "--serve", "--kubeconfig", file.toString(), "--for", "0s",
                "--scenario", "broken");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("scenario broken", "serving at http://127.0.0.1:",
                "kubectl --kubeconfig " + file + " get pods -A", "Serving for 0s.", "Demo cluster stopped.");
        String kubeconfig = Files.readString(file);
        assertThat(kubeconfig).contains("injector-doctor-demo", "server: \"http://127.0.0.1:");
        // Stopped: the written address no longer answers.
        java.util.regex.Matcher port = java.util.regex.Pattern.compile("server: \"http://127\\.0\\.0\\.1:(\\d+)").matcher(kubeconfig);
        assertThat(port.find()).isTrue();
        assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", Integer.parseInt(port.group(1))).close())
                .isInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void serveWithoutAKubeconfigIsAUsageError() {
        DemoCliRunner.Run r = DemoCliRunner.run("demo", "--serve");
        assertThat(r.code()).isEqualTo(64);
        assertThat(r.err()).contains("--serve needs --kubeconfig FILE");
    }

    @Test
    void anUnknownScenarioIsAUsageError() {
        DemoCliRunner.Run r = DemoCliRunner.run("demo", "--scenario", "chaos");
        assertThat(r.code()).isEqualTo(64);
        assertThat(r.err()).contains("unknown scenario 'chaos'");
    }

    @Test
    void kubeconfigWithoutServeIsAUsageError(@TempDir Path dir) {
        DemoCliRunner.Run r = DemoCliRunner.run("demo", "--kubeconfig", dir.resolve("k").toString());
        assertThat(r.code()).isEqualTo(64);
        assertThat(dir.resolve("k")).doesNotExist();
    }

    @Test
    void helpHasExamples() {
        DemoCliRunner.Run r = DemoCliRunner.run("demo", "--help");
        assertThat(r.out()).contains("Examples:", "injector-doctor demo --serve --kubeconfig");
    }

    @Test
    void durationsAreWrittenLikeKubectls() {
        DemoCommand.DurationConverter c = new DemoCommand.DurationConverter();
        assertThat(c.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(c.convert("PT10M")).isEqualTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> c.convert("ten minutes")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> c.convert("")).isInstanceOf(TypeConversionException.class);
    }
}
