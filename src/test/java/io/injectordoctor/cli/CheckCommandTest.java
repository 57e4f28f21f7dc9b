package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.injectordoctor.ExitCode;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.checks.PluginLoaderTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    @TempDir
    Path dir;

    /** One dump file made of fixture files, as --snapshot reads it. */
    private String dump(String... fixtures) throws IOException {
        List<String> docs = new ArrayList<>();
        for (String f : fixtures) {
            docs.add(Fixtures.text(f));
        }
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, String.join("\n---\n", docs));
        return file.toString();
    }

    private String broken() throws IOException {
        return dump(Fixtures.concatAll(Fixtures.INJECTOR_DOWN, "base/injector-down.yaml", "ID0901/fires.yaml", "ID0403/fires.yaml",
                "ID0501/fires.yaml", "runner/suppressed.yaml"));
    }

    private String stable(String output) {
        return output.replace(dir.toString(), "<dir>");
    }

    /**
     * check -n checks the namespace and what serves it: the injector's own pods are read where
     * they run, and findings about other namespaces' objects are left out.
     */
    @Test
    void aNamespaceIsCheckedWithTheControlPlaneThatServesIt() throws Exception {
        try (io.injectordoctor.demo.DemoCluster demo = io.injectordoctor.demo.DemoCluster.start(
                io.injectordoctor.demo.Scenario.HEALTHY)) {
            Path kc = dir.resolve("demo.kubeconfig");
            demo.writeKubeconfig(kc);
            CheckCli.Result optIn = CheckCli.run("check", "-n", "opt-in", "--kubeconfig", kc.toString(), "-o", "json");
            com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(optIn.out());
            assertThat(optIn.code()).as(optIn.out()).isZero();
            assertThat(j.toString()).doesNotContain("no pod in istio-system matches").doesNotContain("labelled-late");
            CheckCli.Result late = CheckCli.run("check", "-n", "labelled-late", "--kubeconfig", kc.toString(), "-o", "json");
            com.fasterxml.jackson.databind.JsonNode l = new com.fasterxml.jackson.databind.ObjectMapper().readTree(late.out());
            assertThat(late.code()).isEqualTo(1);
            assertThat(l.findValues("subject")).extracting(com.fasterxml.jackson.databind.JsonNode::asText)
                    .contains("Pod labelled-late/legacy-api-59d4b8c7f6-pq7zd")
                    .allSatisfy(subject -> assertThat(subject).doesNotContain("opt-in/"));
        }
    }

    @Test
    void healthyTextPassesAndIsPinned() throws IOException {
        CheckCli.Result r = CheckCli.run("check", "--snapshot", dump(Fixtures.HEALTHY), "--no-color");

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        Golden.assertMatches("check/healthy.txt", r.out());
    }

    @Test
    void healthyVerboseTextShowsTheInformationalFindings() throws IOException {
        CheckCli.Result r = CheckCli.run("check", "--snapshot", dump(Fixtures.HEALTHY), "--no-color", "-v");

        assertThat(r.code()).isEqualTo(ExitCode.OK);
        Golden.assertMatches("check/healthy-verbose.txt", r.out());
    }

    @Test
    void brokenTextFailsAndIsPinned() throws IOException {
        CheckCli.Result r = CheckCli.run("check", "--snapshot", broken(), "--no-color");

        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).contains("× ID0801 the injector service has ready endpoints",
                "‼ ID0501 inject settings are on the pod template", "docs: injector-doctor checks show ID0801",
                "(1 finding suppressed by injector-doctor.io/ignore)");
        Golden.assertMatches("check/broken.txt", r.out());
    }

    @Test
    void brokenJsonHasTheContractedShapeAndIsPinned() throws IOException {
        CheckCli.Result r = CheckCli.run("check", "--snapshot", broken(), "-o", "json");

        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("success").asBoolean()).isFalse();
        JsonNode events = json.get("categories").get(json.get("categories").size() - 1);
        assertThat(events.get("name").asText()).isEqualTo("events");
        JsonNode failed = events.get("checks").get(0);
        assertThat(failed.get("id").asText()).isEqualTo("ID0901");
        assertThat(failed.get("description").asText()).isEqualTo("no pod creation was rejected by an injection webhook");
        assertThat(failed.get("result").asText()).isEqualTo("error");
        JsonNode runbookX509 = null;
        for (JsonNode f : failed.get("findings")) {
            if (f.get("subject").asText().equals("ReplicaSet default/sleep-5d8f7c9b4")) {
                runbookX509 = f;
            }
        }
        assertThat(runbookX509).isNotNull();
        assertThat(runbookX509.get("severity").asText()).isEqualTo("ERROR");
        assertThat(runbookX509.get("evidence").get("cause").asText()).isEqualTo("unknown-authority");
        Golden.assertMatches("check/broken.json", stable(r.out()));
    }

    @Test
    void warningsFailOnlyWithFailOnWarning() throws IOException {
        String snapshot = dump(Fixtures.concatAll(Fixtures.HEALTHY, "ID0402/fires.yaml"));

        assertThat(CheckCli.run("check", "--snapshot", snapshot).code()).isEqualTo(ExitCode.OK);
        assertThat(CheckCli.run("check", "--snapshot", snapshot, "--fail-on", "warning").code()).isEqualTo(ExitCode.FINDINGS);
        CheckCli.Result json = CheckCli.run("check", "--snapshot", snapshot, "--fail-on", "warning", "-o", "json");
        assertThat(new ObjectMapper().readTree(json.out()).get("success").asBoolean()).isFalse();
    }

    @Test
    void onlyAndSkipSelectChecks() throws IOException {
        CheckCli.Result r = CheckCli.run("check", "--snapshot", broken(), "--no-color", "--only", "id0403,ID0402",
                "--skip", "ID0402");

        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("‼ ID0403").doesNotContain("ID0402").doesNotContain("ID0801")
                .contains("1 checks: 0 passed, 1 warnings, 0 failed, 0 skipped; 0 findings suppressed");
    }

    @Test
    void anUnknownCheckIdIsAUsageError() throws IOException {
        CheckCli.Result r = CheckCli.run("check", "--snapshot", dump(Fixtures.HEALTHY), "--only", "ID9999");

        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("error: unknown check id ID9999 (see 'injector-doctor checks list')\n");
    }

    @Test
    void anUnparseableSnapshotIsBadData() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "kind: Namespace\nmetadata: [\n");

        CheckCli.Result r = CheckCli.run("check", "--snapshot", bad.toString());

        assertThat(r.code()).isEqualTo(ExitCode.DATA);
        assertThat(r.err()).startsWith("error: ").doesNotContain("Exception");
    }

    @Test
    void aPluginCheckRunsFromThePluginPath() throws IOException {
        Path plugins = PluginLoaderTest.buildPlugin(dir.resolve("plugin"));

        CheckCli.Result r = CheckCli.run("check", "--snapshot", dump(Fixtures.HEALTHY), "--no-color",
                "--plugin-path", plugins.toString(), "--only", "ACME01");

        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("acme-policy\n-----------\n‼ ACME01 namespaces have an owner\n")
                .contains("Namespace default: has no owner label");
    }
}
