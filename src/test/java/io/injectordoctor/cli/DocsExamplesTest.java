package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.ExitCode;
import io.injectordoctor.testing.MockCluster.Result;
import io.injectordoctor.testing.ShellLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example of the README and docs/ that runs the tool on the demo or on a snapshot runs as
 * written: the lines of code blocks that call injector-doctor (as scripts/injector-doctor,
 * injector-doctor or kubectl injector-doctor) with --demo or --snapshot never exit 64, 65, 69 or
 * 70. The files the examples assume are made first: dump.yaml as the line before it makes it (a
 * capture, here of the demo), deploy.yaml a Deployment.
 */
class DocsExamplesTest {
    private static final Set<Integer> BROKEN = Set.of(ExitCode.USAGE, 65, 69, ExitCode.INTERNAL);
    private static final Pattern PROGRAM = Pattern.compile("^(scripts/injector-doctor|injector-doctor|kubectl injector-doctor)\\s");
    private static final Pattern SOURCE = Pattern.compile("\\s--(demo|snapshot)(\\s|=|$)");

    @TempDir
    Path dir;

    record Example(String where, String line) {
    }

    static List<Example> examples() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<Example> out = new ArrayList<>();
        for (Path page : pages) {
            boolean code = false;
            List<String> lines = Files.readAllLines(page);
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i).strip();
                if (l.startsWith("```")) {
                    code = !code;
                    continue;
                }
                String command = l.startsWith("$ ") ? l.substring(2) : l;
                if (code && PROGRAM.matcher(command).find() && SOURCE.matcher(command).find()) {
                    out.add(new Example(page + ":" + (i + 1), command));
                }
            }
        }
        return out;
    }

    @Test
    void everyDemoAndSnapshotExampleRunsAsWritten() throws Exception {
        Path deploy = dir.resolve("deploy.yaml");
        Files.writeString(deploy, String.join("\n", "apiVersion: apps/v1", "kind: Deployment", "metadata:",
                "  name: web", "  namespace: opt-in", "spec:", "  selector:", "    matchLabels: {app: web}",
                "  template:", "    metadata:", "      labels: {app: web}", "    spec:", "      containers:",
                "      - {name: web, image: nginx}", ""));
        Path dump = dir.resolve("dump.yaml");
        assertThat(Result.of("snapshot", "--demo", "-o", dump.toString()).exitCode()).isZero();
        Map<String, String> files = Map.of("dump.yaml", dump.toString(), "deploy.yaml", deploy.toString());

        List<Example> examples = examples();
        assertThat(examples).as("examples found").hasSizeGreaterThanOrEqualTo(8)
                .anyMatch(e -> e.where().startsWith("README.md"))
                .anyMatch(e -> e.line().contains("--snapshot dump.yaml"));
        List<String> failures = new ArrayList<>();
        for (Example e : examples) {
            // A trailing comment is the page's, not the shell's concern.
            String line = e.line().replaceFirst("\\s+#\\s.*$", "");
            List<String> words = new ArrayList<>(ShellLine.parse(line).words());
            words.subList(0, words.get(0).equals("kubectl") ? 2 : 1).clear();
            words.replaceAll(w -> files.getOrDefault(w, w));
            Result r = Result.of(words.toArray(String[]::new));
            if (BROKEN.contains(r.exitCode())) {
                failures.add(e.where() + ": exit " + r.exitCode() + ": " + e.line() + ": " + r.err().strip());
            }
        }
        assertThat(failures).as("examples that do not run as written").isEmpty();
    }
}
