package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.testing.MockCluster.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, exactly as written (less the launcher, which only builds and starts
 * the jar), gives the seed runbook's verdicts on the demo cluster. .ci/run also runs it through the
 * launcher on a fresh machine.
 */
class ReadmeFirstCommandTest {
    private static final Pattern ROW = Pattern.compile("^\\S+\\s+(tt-\\d\\d-(match|nomatch)-(enabled|disabled)-(true|false|absent))\\s+(inject|skip)\\s+(sidecar|none)\\s+(ok|MISMATCH)", Pattern.MULTILINE);

    static List<String> firstCommand() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("# 1\\.[^\\n]*\\n(scripts/injector-doctor [^\\n]+)\\n").matcher(readme);
        assertThat(m.find()).as("README has a first command under '# 1.'").isTrue();
        List<String> words = Arrays.asList(m.group(1).trim().split("\\s+"));
        return words.subList(1, words.size());
    }

    @Test
    void theFirstCommandShowsTheTruthTableOnTheDemoCluster() throws Exception {
        List<String> args = firstCommand();
        assertThat(args).contains("--demo");
        Result r = Result.of(args.toArray(String[]::new));
        assertThat(r.err()).isEmpty();
        Matcher rows = ROW.matcher(r.out());
        int seen = 0;
        while (rows.find()) {
            boolean match = rows.group(2).equals("match");
            String policy = rows.group(3);
            String annotation = rows.group(4);
            boolean expected = match && (annotation.equals("true") || (policy.equals("enabled") && annotation.equals("absent")));
            assertThat(rows.group(5)).as(rows.group(1)).isEqualTo(expected ? "inject" : "skip");
            assertThat(rows.group(7)).as(rows.group(1)).isEqualTo("ok");
            seen++;
        }
        assertThat(seen).as("truth-table rows in:%n%s", r.out()).isEqualTo(12);
        assertThat(r.out()).containsPattern("legacy-api\\S*\\s+inject\\s+none\\s+MISMATCH")
                .containsPattern("coredns\\S*\\s+skip\\s+none\\s+ok\\s+IGNORED_NAMESPACE")
                .containsPattern("node-exporter-host\\s+skip\\s+none\\s+ok\\s+HOST_NETWORK");
        assertThat(r.exitCode()).isEqualTo(1);
    }
}
