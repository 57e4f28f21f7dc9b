package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.injectordoctor.ExitCode;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.demo.DemoCluster;
import io.injectordoctor.demo.KubectlTestServer;
import io.injectordoctor.demo.Scenario;
import io.injectordoctor.testing.MockCluster.Result;
import io.injectordoctor.testing.ShellLine;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command line the tool prints runs as printed. Over the demo (both scenarios, with the
 * walk-through), the example snapshot, every check's firing fixture as a snapshot, and a live
 * cluster named by --kubeconfig and --context, it runs the tool's entry commands in text and JSON,
 * collects each printed command ({@code $} lines, {@code docs:} lines, JSON strings that start with
 * a program), checks its shape, and runs it: the tool's own in-process against the same source
 * (following what those print in turn), kubectl's with {@code --dry-run=server} where it would
 * change something, against an API server holding the same objects.
 */
class PrintedCommandsRunTest {
    private static final String SELF = "injector-doctor";
    /** Exit codes that mean the printed command is wrong or the tool is: usage, data, unreachable, bug. */
    private static final Set<Integer> BROKEN = Set.of(ExitCode.USAGE, 65, 69, ExitCode.INTERNAL);
    /** Commands that need no cluster, so carry no source flags. */
    private static final Set<String> OFFLINE = Set.of("checks", "docs", "completion", "version", "demo");
    private static final Set<String> KUBECTL_WRITES = Set.of("label", "annotate", "delete", "create", "apply", "patch",
            "rollout", "scale", "set", "replace");
    private static final Pattern MESH = Pattern.compile("istiod|gateway|ztunnel|waypoint|istio-cni");
    /** The walk-through's broken scenario names this file; the test serves that scenario there instead. */
    private static final String BROKEN_KUBECONFIG = "/tmp/demo-broken.kubeconfig";
    private static final String MODERN_KUBECONFIG = "/tmp/demo-modern.kubeconfig";

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    /** Printed command line to where it was first seen. */
    private final Map<String, String> printed = new LinkedHashMap<>();
    private final Deque<List<String>> toRun = new ArrayDeque<>();
    private final Set<List<String>> ran = new HashSet<>();
    private final List<String> failures = new ArrayList<>();
    private Path brokenKubeconfig;
    private Path modernKubeconfig;

    @Test
    void everyPrintedCommandRunsAsPrinted() throws Exception {
        Path kubectlDir = Files.createDirectories(dir.resolve("work"));
        try (KubectlTestServer api = new KubectlTestServer();
                DemoCluster broken = DemoCluster.start(Scenario.BROKEN);
                DemoCluster modern = DemoCluster.start(Scenario.MODERN)) {
            Path kubeconfig = dir.resolve("kubeconfig");
            api.writeKubeconfig(kubeconfig);
            brokenKubeconfig = dir.resolve("demo-broken.kubeconfig");
            broken.writeKubeconfig(brokenKubeconfig);
            modernKubeconfig = dir.resolve("demo-modern.kubeconfig");
            modern.writeKubeconfig(modernKubeconfig);

            List<List<String>> sources = new ArrayList<>();
            sources.add(List.of("--demo"));
            api.seed(Scenario.HEALTHY);
            api.seed(Scenario.BROKEN);
            api.seed(Scenario.MODERN);
            String example = "docs/examples/cluster-snapshot.yaml";
            sources.add(List.of("--snapshot", example));
            api.seed(Files.readString(Path.of(example)));
            for (String fixture : firingFixtures()) {
                Path file = dir.resolve(fixture.replace('/', '-'));
                String text = Fixtures.joinedText(fixture);
                Files.writeString(file, text);
                sources.add(List.of("--snapshot", file.toString()));
                api.seed(text);
            }
            // A live cluster named as kubectl users name it: kubectl lines must carry the same flags.
            sources.add(List.of("--kubeconfig", kubeconfig.toString(), "--context", KubectlTestServer.CONTEXT));

            for (List<String> source : sources) {
                boolean fixture = source.get(0).equals("--snapshot") && !source.get(1).equals(example);
                List<List<String>> entries = new ArrayList<>();
                entries.add(List.of("check"));
                if (!fixture) {
                    entries.add(List.of("explain", "pods", "-A"));
                    entries.add(List.of("check-certs"));
                }
                for (List<String> entry : entries) {
                    // A fixture's findings print the same advice in text as in JSON: JSON alone keeps this test short.
                    if (!fixture) {
                        run(with(entry, source), String.join(" ", source));
                    }
                    run(with(with(entry, source), List.of("-o", "json")), String.join(" ", source) + " -o json");
                }
            }
            run(List.of("demo"), "the demo's walk-through");
            run(List.of("restart-injector", "--revision", "default", "--dry-run", "--demo"), "--demo");
            while (!toRun.isEmpty()) {
                List<String> args = toRun.removeFirst();
                run(args, "printed: " + String.join(" ", args));
            }

            assertThat(printed.keySet()).as("commands found").anyMatch(l -> l.startsWith("kubectl rollout restart"))
                    .anyMatch(l -> l.startsWith("kubectl label namespace"))
                    .anyMatch(l -> l.contains(" get pod ") && l.contains(" > "))
                    .anyMatch(l -> l.startsWith(SELF + " explain pod/"))
                    .anyMatch(l -> l.startsWith(SELF + " checks show "));
            runKubectlLines(kubeconfig, kubectlDir);
        }
        assertThat(failures).as("printed commands that do not run as printed").isEmpty();
    }

    private static List<String> with(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<String> firingFixtures() throws IOException {
        Path root = Path.of("src/test/resources/checks");
        try (Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(p -> p.getFileName().toString().startsWith("fires"))
                    .map(p -> root.relativize(p).toString().replace(File.separatorChar, '/')).sorted().toList();
        }
    }

    /** Runs the tool in-process, judges its exit code, and collects what it prints. */
    private void run(List<String> args, String origin) {
        if (!ran.add(args)) {
            return;
        }
        Result r = Result.of(args.stream().map(a -> a.equals(BROKEN_KUBECONFIG) ? brokenKubeconfig.toString()
                : a.equals(MODERN_KUBECONFIG) ? modernKubeconfig.toString() : a).toArray(String[]::new));
        if (BROKEN.contains(r.exitCode())) {
            failures.add("exit " + r.exitCode() + ": " + SELF + " " + String.join(" ", args) + " (" + origin + "): "
                    + r.err().strip());
        }
        String where = SELF + " " + String.join(" ", args);
        if (args.contains("json")) {
            try {
                collect(json.readTree(r.out()), where);
            } catch (IOException e) {
                failures.add("not JSON: " + where);
            }
        } else {
            r.out().lines().map(String::strip).forEach(l -> {
                if (l.startsWith("$ ")) {
                    found(l.substring(2), where);
                } else if (l.startsWith("docs: " + SELF)) {
                    found(l.substring("docs: ".length()), where);
                }
            });
        }
    }

    private void collect(JsonNode node, String where) {
        if (node.isTextual() && (node.asText().startsWith(SELF + " ") || node.asText().startsWith("kubectl "))) {
            found(node.asText(), where);
        }
        node.forEach(child -> collect(child, where));
    }

    /** Checks a printed line's shape, and queues it when it is the tool's own. */
    private void found(String line, String where) {
        if (printed.putIfAbsent(line, where) != null) {
            return;
        }
        ShellLine parsed;
        try {
            parsed = ShellLine.parse(line);
        } catch (IllegalArgumentException e) {
            failures.add("not a shell command: " + line + " (from " + where + "): " + e.getMessage());
            return;
        }
        if (line.matches(".*[.,;:!]$") || line.matches(".*<[A-Za-z_-]+>.*")) {
            failures.add("trailing punctuation or a placeholder: " + line + " (from " + where + ")");
        }
        List<String> words = parsed.words();
        if (words.get(0).equals("kubectl")) {
            return;
        }
        if (!words.get(0).equals(SELF) || words.size() < 2) {
            failures.add("neither the tool nor kubectl: " + line + " (from " + where + ")");
            return;
        }
        List<String> args = words.subList(1, words.size());
        if (!OFFLINE.contains(args.get(0)) && args.stream().noneMatch(a -> Set.of("--demo", "--snapshot", "--kubeconfig")
                .contains(a))) {
            failures.add("no source flags: " + line + " (from " + where + ")");
        }
        if (args.contains("--serve")) {
            // 'demo --serve' runs until interrupted: the test serves that scenario itself (see BROKEN_KUBECONFIG).
            return;
        }
        if (!args.contains("--watch")) {
            toRun.addLast(List.copyOf(args));
        }
    }

    /** Runs every kubectl line with bash, as a user pastes it; writes as server-side dry runs. */
    private void runKubectlLines(Path kubeconfig, Path work) throws Exception {
        String kubectl = kubectl();
        if (kubectl == null) {
            return;
        }
        for (Map.Entry<String, String> e : printed.entrySet()) {
            String line = e.getKey();
            ShellLine parsed;
            try {
                parsed = ShellLine.parse(line);
            } catch (IllegalArgumentException ex) {
                continue;
            }
            if (!parsed.words().get(0).equals("kubectl")) {
                continue;
            }
            if (OFFLINE.stream().anyMatch(o -> e.getValue().startsWith(SELF + " " + o + " "))) {
                // A documentation page's example names objects of its own story (bookinfo), not of any source.
                continue;
            }
            String verb = verb(parsed.words());
            // The demo's store answers kubectl's describe and logs -l as no real API server does: the
            // broken scenario's kubectl lines go to the test server, which holds its objects too.
            String command = line.replace(brokenKubeconfig.toString(), kubeconfig.toString())
                    .replace(BROKEN_KUBECONFIG, kubeconfig.toString())
                    .replace(modernKubeconfig.toString(), kubeconfig.toString())
                    .replace(MODERN_KUBECONFIG, kubeconfig.toString());
            if (KUBECTL_WRITES.contains(verb)) {
                if (parsed.stdoutTo() != null || parsed.piped()) {
                    failures.add("a kubectl write with a redirection: " + line);
                    continue;
                }
                meshUntouched(parsed.words(), line);
                command = dryRun(command, verb);
            }
            ProcessBuilder b = new ProcessBuilder("bash", "-o", "pipefail", "-c", command).directory(work.toFile())
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(work.resolve("last-output").toFile());
            // Lines without --kubeconfig reach the current kubeconfig's cluster, as they would for the user.
            b.environment().put("KUBECONFIG", kubeconfig.toString());
            b.environment().put("HOME", work.toString());
            Process p = b.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            if (p.exitValue() != 0) {
                failures.add("kubectl exit " + p.exitValue() + ": " + command + " (from " + e.getValue() + "): "
                        + Files.readString(work.resolve("last-output"), StandardCharsets.UTF_8).strip());
            }
        }
    }

    /**
     * The write as a server-side dry run. kubectl 1.32's rollout restart has no --dry-run: it is sent
     * as the patch it makes (kubectl's polymorphichelpers objectrestarter.go: the restartedAt
     * annotation of the pod template). The test server serves no OpenAPI schema, so create does not
     * validate on the client.
     */
    private static String dryRun(String command, String verb) {
        String c = command;
        if (verb.equals("rollout")) {
            c = c.replaceFirst(" rollout restart ", " patch ") + " -p '{\"spec\":{\"template\":{\"metadata\":"
                    + "{\"annotations\":{\"kubectl.kubernetes.io/restartedAt\":\"2026-01-01T00:00:00Z\"}}}}}'";
        }
        if (verb.equals("create") || verb.equals("apply")) {
            c = c + " --validate=false";
        }
        return c + " --dry-run=server";
    }

    /** The kubectl subcommand: the first word that is neither a flag nor a global flag's value. */
    private static String verb(List<String> words) {
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            if (Set.of("--kubeconfig", "--context", "-n", "--namespace", "--cluster", "--user").contains(w)) {
                i++;
            } else if (!w.startsWith("-")) {
                return w;
            }
        }
        return "";
    }

    /**
     * Gateways whose istio-proxy still waits on image: auto (the modern demo's and ID0604's): they never
     * started, and re-creating them after the label is how they get injected (issue 14: label, then
     * restart that deployment), so that restart changes nothing that runs.
     */
    private static final Set<String> NEVER_STARTED_GATEWAYS = Set.of("deployment/edge-gateway");

    private void meshUntouched(List<String> words, String line) {
        if (words.contains("restart") && words.stream().anyMatch(NEVER_STARTED_GATEWAYS::contains)) {
            return;
        }
        int n = Math.max(words.indexOf("-n"), words.indexOf("--namespace"));
        String ns = n >= 0 && n + 1 < words.size() ? words.get(n + 1) : "";
        if (ns.equals("istio-system") || ns.equals("kube-system") || ns.equals("istio-cni")
                || words.stream().anyMatch(w -> MESH.matcher(w).find())
                || (words.contains("namespace") && words.stream().anyMatch(w -> w.equals("kube-system")
                        || w.equals("istio-system")))) {
            failures.add("advice changes the mesh itself: " + line);
        }
    }

    private static String kubectl() {
        String path = System.getenv("PATH");
        for (String d : path == null ? new String[0] : path.split(File.pathSeparator, -1)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "kubectl"))) {
                return Path.of(d, "kubectl").toString();
            }
        }
        return null;
    }
}
