package io.injectordoctor.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.injectordoctor.report.ProbeResult;
import io.injectordoctor.report.ProbeResult.Outcome;
import io.injectordoctor.report.PodRow;
import io.injectordoctor.report.PodsSummary;
import io.injectordoctor.testing.MockCluster.Result;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster data made to attack a terminal (escape sequences that clear the screen, set the title or
 * hide text, carriage returns that overwrite a line, the bell, NUL, bidi overrides) in labels,
 * annotations, event messages and API server denials: every text-rendering command prints it
 * escaped.
 */
class HostileTextTest {
    static final String ATTACK = "\u001b]0;owned\u0007\u001b[2J\rfake \u2714 ok\u0000\u202eevil\u009b";

    @TempDir
    static Path dir;
    static Path snapshot;

    @BeforeAll
    static void hostileSnapshot() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode list = (ObjectNode) yaml.readTree(Path.of("docs/examples/cluster-snapshot.yaml").toFile());
        ArrayNode items = (ArrayNode) list.get("items");
        for (var item : items) {
            ObjectNode meta = (ObjectNode) item.get("metadata");
            if (item.path("kind").asText().equals("Namespace") && meta.path("name").asText().equals("shop")) {
                ((ObjectNode) meta.get("labels")).put("team", "pay" + ATTACK);
            }
            if (item.path("kind").asText().equals("Pod") && meta.path("namespace").asText().equals("shop")) {
                meta.with("annotations").put("sidecar.istio.io/inject", "maybe" + ATTACK);
                meta.with("labels").put("app", "cart" + ATTACK);
            }
        }
        ObjectNode event = items.addObject();
        event.put("apiVersion", "v1").put("kind", "Event");
        event.putObject("metadata").put("name", "cart-rs.1").put("namespace", "shop");
        event.putObject("involvedObject").put("apiVersion", "apps/v1").put("kind", "ReplicaSet")
                .put("name", "cart-5c8d7f9b4" + ATTACK).put("namespace", "shop");
        event.put("type", "Warning").put("reason", "FailedCreate").put("count", 3)
                .put("lastTimestamp", "2026-11-22T09:10:00Z");
        event.putObject("source").put("component", "replicaset-controller");
        event.put("message", "Error creating: Internal error occurred: failed calling webhook "
                + "\"namespace.sidecar-injector.istio.io\": failed to call webhook: " + ATTACK
                + " x509: certificate signed by unknown authority");
        snapshot = dir.resolve("hostile.json");
        // every character outside ASCII as a \\u escape: the snapshot reader, a YAML parser, takes escapes
        // of any character but refuses unprintable ones written raw
        Files.writeString(snapshot, new ObjectMapper()
                .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature())
                .writeValueAsString(list));
    }

    static void assertEscaped(String what, String out) {
        for (char c : out.toCharArray()) {
            assertThat(SafeText.unsafe(c)).as("%s prints U+%04X raw:%n%s", what, (int) c, out).isFalse();
        }
    }

    private static String run(String... args) {
        Result r = Result.of(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isIn(0, 1);
        assertEscaped(String.join(" ", args), r.out() + r.err());
        return r.out();
    }

    @Test
    void explainPrintsLabelsAnnotationsAndEventsEscaped() {
        String pods = run("explain", "pods", "-n", "shop", "--snapshot", snapshot.toString());
        String pod = run("explain", "pod/cart-5c8d7f9b4-xyz12", "-n", "shop", "--snapshot", snapshot.toString());
        assertThat(pod).contains("maybe\\x1b]0;owned\\x07\\x1b[2J\\rfake");
        assertThat(pods + pod).contains("\\u202eevil");
    }

    @Test
    void anErrorLineQuotingHostileInputIsEscaped() {
        // The name is refused, and the one error line that says so quotes it.
        Result r = Result.of("explain", "pod/x" + ATTACK, "-n", "shop", "--snapshot", snapshot.toString());
        assertThat(r.exitCode()).isEqualTo(io.injectordoctor.ExitCode.USAGE);
        assertThat(r.err()).startsWith("error: ").contains("\\x1b]0;owned");
        assertEscaped("the error line", r.err());
    }

    @Test
    void checkPrintsEventMessagesEscaped() {
        String out = run("check", "--snapshot", snapshot.toString());
        assertThat(out).contains("ReplicaSet shop/cart-5c8d7f9b4\\x1b]0;owned\\x07\\x1b[2J\\rfake");
    }

    @Test
    void checkCertsPrintsEscaped() {
        run("check-certs", "--snapshot", snapshot.toString());
    }

    @Test
    void aDenialOfTheApiServerIsPrintedEscapedInColourToo() {
        ProbeResult denied = new ProbeResult(Outcome.REJECTED, "pod/web", "shop", "web-idprobe-bcdfg",
                "the API server refused the pod", "admission webhook \"x\" denied the request: " + ATTACK, 403,
                List.of(), List.of(), List.of(), false, false, true, false, List.of(), null, "called", null);
        for (Style style : List.of(Style.plain(), new Style(true))) {
            StringWriter s = new StringWriter();
            new ProbeText(style).write(new PrintWriter(s), denied);
            String out = s.toString().replaceAll("\u001b\\[(3[123]|90|1|22)?m", "");
            assertEscaped("probe", out);
            assertThat(out).contains("denied the request: \\x1b]0;owned\\x07");
        }
    }

    @Test
    void thePodsTableStaysAlignedWithHostileNames() {
        StringWriter s = new StringWriter();
        PodsTableText table = new PodsTableText(new Style(true), new PrintWriter(s), io.injectordoctor.report.Invocation.plain());
        table.row(new PodRow("shop", "web" + ATTACK, true, false, false, "POLICY_ENABLED", "inject"));
        table.row(new PodRow("shop", "db", true, true, true, "POLICY_ENABLED", "inject"));
        table.finish(new PodsSummary(2, 1, 1, 1, 0, 2, 1), List.of());
        String out = s.toString().replaceAll("\u001b\\[(3[123]|90|1|22)?m", "");
        assertEscaped("pods table", out);
        List<String> lines = out.lines().toList();
        assertThat(lines.get(1).indexOf("inject")).isEqualTo(lines.get(2).indexOf("inject"));
    }

    @Test
    void fleetRowsPrintErrorsEscaped() {
        StringWriter s = new StringWriter();
        new FleetText(new Style(true)).write(new PrintWriter(s), new io.injectordoctor.report.FleetReport(1, "check",
                List.of(new io.injectordoctor.report.FleetReport.Cluster("prod" + ATTACK, 69, "unreachable", null,
                        "refused: " + ATTACK))));
        String out = s.toString().replaceAll("\u001b\\[(3[123]|90|1|22)?m", "");
        assertEscaped("fleet", out);
    }
}
