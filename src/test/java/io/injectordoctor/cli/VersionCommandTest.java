package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.testing.MockCluster.Result;
import org.junit.jupiter.api.Test;

/** version and --version: the version, the git commit and the build date, written by the build. */
class VersionCommandTest {
    @Test
    void versionPrintsVersionCommitAndBuildDate() {
        Result r = Result.of("version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines().toList()).hasSize(3);
        assertThat(r.out()).containsPattern("^injector-doctor \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n")
                .containsPattern("\\ncommit: ([0-9a-f]{12}|unknown)\\n")
                .containsPattern("\\nbuilt: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\n");
    }

    @Test
    void theFlagSaysTheSameAsTheSubcommandAtTheRootAndOnASubcommand() {
        String version = Result.of("version").out();
        assertThat(Result.of("--version").out()).isEqualTo(version);
        assertThat(Result.of("check", "--version").out()).isEqualTo(version);
    }
}
