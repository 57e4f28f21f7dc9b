package io.injectordoctor.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Pods as a {@code meta.k8s.io/v1 Table}, the form {@code kubectl get} asks for. Without it kubectl
 * prints only NAME and AGE, and the READY column (2/2 with a sidecar, 1/1 without) is the first
 * thing a newcomer should see.
 */
final class PodTable {
    private final ObjectMapper json;

    PodTable(ObjectMapper json) {
        this.json = json;
    }

    /** The Table for a Pod or PodList document. */
    ObjectNode of(JsonNode podOrList, Instant now) {
        ObjectNode table = json.createObjectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        table.putObject("metadata").put("resourceVersion", podOrList.path("metadata").path("resourceVersion").asText(""));
        ArrayNode columns = table.putArray("columnDefinitions");
        column(columns, "Name", "name", 0);
        column(columns, "Ready", "", 0);
        column(columns, "Status", "", 0);
        column(columns, "Restarts", "", 0);
        column(columns, "Age", "", 0);
        column(columns, "IP", "", 1);
        column(columns, "Node", "", 1);
        ArrayNode rows = table.putArray("rows");
        if (podOrList.has("items")) {
            podOrList.get("items").forEach(pod -> rows.add(row(pod, now)));
        } else {
            rows.add(row(podOrList, now));
        }
        return table;
    }

    private void column(ArrayNode columns, String name, String format, int priority) {
        columns.addObject().put("name", name).put("type", "string").put("format", format)
                .put("description", "").put("priority", priority);
    }

    private ObjectNode row(JsonNode pod, Instant now) {
        JsonNode status = pod.path("status");
        int total = pod.path("spec").path("containers").size();
        int ready = 0;
        int restarts = 0;
        for (JsonNode cs : status.path("containerStatuses")) {
            ready += cs.path("ready").asBoolean() ? 1 : 0;
            restarts += cs.path("restartCount").asInt();
        }
        ObjectNode row = json.createObjectNode();
        ArrayNode cells = row.putArray("cells");
        cells.add(pod.path("metadata").path("name").asText());
        cells.add(ready + "/" + total);
        cells.add(status.path("phase").asText("Pending"));
        cells.add(String.valueOf(restarts));
        cells.add(age(pod.path("metadata").path("creationTimestamp").asText(""), now));
        cells.add(status.path("podIP").asText("<none>"));
        cells.add(pod.path("spec").path("nodeName").asText("<none>"));
        ObjectNode object = row.putObject("object").put("kind", "PartialObjectMetadata")
                .put("apiVersion", "meta.k8s.io/v1");
        object.set("metadata", pod.path("metadata").deepCopy());
        return row;
    }

    /** Kubernetes' short human duration: 45s, 12m, 5h, 3d, 2y. */
    static String age(String timestamp, Instant now) {
        try {
            Duration d = Duration.between(Instant.parse(timestamp), now);
            long s = Math.max(0, d.toSeconds());
            if (s < 120) {
                return s + "s";
            }
            if (s < 3 * 3600) {
                return s / 60 + "m";
            }
            if (s < 2 * 86400) {
                return s / 3600 + "h";
            }
            if (s < 730 * 86400L) {
                return s / 86400 + "d";
            }
            return s / (365 * 86400L) + "y";
        } catch (DateTimeParseException e) {
            return "<unknown>";
        }
    }
}
