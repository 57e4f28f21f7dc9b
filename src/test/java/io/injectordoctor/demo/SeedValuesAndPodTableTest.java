package io.injectordoctor.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeedValuesAndPodTableTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void resolvesRelativeTimesAndRefusesUnknownPlaceholders() {
        SeedValues v = SeedValues.issue(Scenario.HEALTHY, NOW);
        assertThat(v.resolve("@AGO:P30D@")).isEqualTo("2026-10-23T12:00:00Z");
        assertThat(v.resolve("@AGO:PT2H@")).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(v.isPlaceholder("plain")).isFalse();
        assertThatThrownBy(() -> v.resolve("@NOPE@")).hasMessageContaining("unknown value @NOPE@");
        assertThatThrownBy(() -> v.resolve("@AGO:soon@")).hasMessageContaining("bad duration");
    }

    @Test
    void onlyTheBrokenScenarioGivesTheWebhookAnotherRoot() {
        SeedValues healthy = SeedValues.issue(Scenario.HEALTHY, NOW);
        SeedValues broken = SeedValues.issue(Scenario.BROKEN, NOW);
        assertThat(healthy.webhookCaBundlePem()).isEqualTo(healthy.meshRootPem());
        assertThat(broken.webhookCaBundlePem()).isNotEqualTo(broken.meshRootPem())
                .startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(broken.resolve("@MESH_ROOT_PEM@")).doesNotContain("PRIVATE");
    }

    @Test
    void everySeedObjectHasACollectionTheServerServes() {
        for (Scenario s : Scenario.values()) {
            for (JsonNode o : DemoSeed.objects(s, SeedValues.issue(s, NOW))) {
                assertThat(DemoSeed.collectionPath(o)).startsWith("/api");
                assertThat(o.toString()).as(o.path("metadata").path("name").asText()).doesNotContain("\"@");
            }
        }
    }

    @Test
    void placesObjectsInTheirNamespacedCollections() throws Exception {
        assertThat(DemoSeed.collectionPath(json.readTree(
                "{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"metadata\":{\"name\":\"a\",\"namespace\":\"x\"}}")))
                .isEqualTo("/apis/apps/v1/namespaces/x/replicasets");
        assertThat(DemoSeed.collectionPath(json.readTree(
                "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"a\"}}")))
                .isEqualTo("/api/v1/namespaces");
        assertThatThrownBy(() -> DemoSeed.collectionPath(json.readTree(
                "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"}}")))
                .hasMessageContaining("without a namespace");
    }

    @Test
    void aPodTableCountsReadyContainersAndRestarts() throws Exception {
        JsonNode list = json.readTree("{\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":\"7\"},\"items\":[{"
                + "\"metadata\":{\"name\":\"p\",\"namespace\":\"n\",\"creationTimestamp\":\"2026-11-22T09:00:00Z\"},"
                + "\"spec\":{\"containers\":[{\"name\":\"app\"},{\"name\":\"istio-proxy\"}]},"
                + "\"status\":{\"phase\":\"Running\",\"containerStatuses\":["
                + "{\"name\":\"app\",\"ready\":true,\"restartCount\":1},"
                + "{\"name\":\"istio-proxy\",\"ready\":false,\"restartCount\":2}]}}]}");
        JsonNode table = new PodTable(json).of(list, NOW);
        assertThat(table.path("kind").asText()).isEqualTo("Table");
        assertThat(table.path("rows").get(0).path("cells").toString())
                .isEqualTo("[\"p\",\"1/2\",\"Running\",\"3\",\"3h\",\"<none>\",\"<none>\"]");
        assertThat(table.path("rows").get(0).path("object").path("metadata").path("namespace").asText()).isEqualTo("n");
    }

    @Test
    void agesReadLikeKubectls() {
        assertThat(PodTable.age("2026-11-22T11:59:15Z", NOW)).isEqualTo("45s");
        assertThat(PodTable.age("2026-11-22T11:00:00Z", NOW)).isEqualTo("60m");
        assertThat(PodTable.age("2026-11-21T00:00:00Z", NOW)).isEqualTo("36h");
        assertThat(PodTable.age("2026-10-08T12:00:00Z", NOW)).isEqualTo("45d");
        assertThat(PodTable.age("", NOW)).isEqualTo("<unknown>");
    }
}
