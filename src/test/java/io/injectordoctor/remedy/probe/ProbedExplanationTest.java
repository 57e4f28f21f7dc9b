package io.injectordoctor.remedy.probe;

import io.injectordoctor.report.ProbedExplanation;
import io.injectordoctor.report.ProbeResult;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.injectordoctor.report.Explanation;
import io.injectordoctor.report.ProbeResult.Outcome;
import io.injectordoctor.render.Structured;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbedExplanationTest {

    @Test
    void theProbeIsOneTopLevelObjectBesideTheExplanationsOwnFields() throws Exception {
        Explanation e = new Explanation(Explanation.SCHEMA_VERSION, new Explanation.Subject("Pod", "shop", "web"),
                new Explanation.Injector("1.24.2", "1.24", "default", "image", "istio-system/istio-sidecar-injector"),
                new Explanation.Reference(true, "called", null, List.of(), List.of(), "INJECT"), null,
                new Explanation.Observed(false, false, false, "none", null, "none", null, false),
                false, List.of(), List.of(), List.of(), List.of());
        ProbeResult p = new ProbeResult(Outcome.REJECTED, "pod/web", "shop", "web-idprobe-bcdfg", "refused", "x509: boom",
                500, List.of(), List.of(), List.of(), false, false, true, false, List.of(), null, "called", null);

        JsonNode json = new ObjectMapper().readTree(Structured.json(new ProbedExplanation(e, p)));
        JsonNode alone = new ObjectMapper().readTree(Structured.json(e));

        assertThat(json.path("schemaVersion").asInt()).isEqualTo(Explanation.SCHEMA_VERSION);
        assertThat(json.path("subject").path("name").asText()).isEqualTo("web");
        assertThat(json.has("explanation")).isFalse();
        assertThat(json.path("probe").path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(json.path("probe").path("apiError").asText()).isEqualTo("x509: boom");
        ObjectNode withoutProbe = json.deepCopy();
        withoutProbe.remove("probe");
        assertThat(withoutProbe.toString()).isEqualTo(alone.toString());
        assertThat(p.disagrees()).isTrue();
    }
}
