package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopLevelFieldsTest {
    private static final String DOC = """
            {"schemaVersion": 1,
             "items": [{"summary": "an item's own field, not the document's", "name": "caf\u00e9 \ud83d\ude80"},
                       {"nested": {"summary": {"pods": 99}}}],
             "success": false,
             "summary": {"pods": 2, "ratio": 0.5, "names": ["a", "b", {"c": null}], "ok": true}}
            """;

    private static TopLevelFields feed(byte[] bytes, int chunk) {
        TopLevelFields f = new TopLevelFields(Set.of("summary", "success"));
        for (int i = 0; i < bytes.length; i += chunk) {
            f.write(bytes, i, Math.min(chunk, bytes.length - i));
        }
        f.close();
        return f;
    }

    @Test
    void keepsOnlyTheTopLevelValuesWhateverTheChunking() throws Exception {
        byte[] bytes = DOC.getBytes(StandardCharsets.UTF_8);
        Object expected = new ObjectMapper().readTree(DOC).get("summary");
        for (int chunk : new int[] {1, 2, 7, bytes.length}) {
            TopLevelFields f = feed(bytes, chunk);
            assertThat(f.get("summary")).as("chunk %d", chunk).contains((com.fasterxml.jackson.databind.JsonNode) expected);
            assertThat(f.get("success").orElseThrow().asBoolean()).isFalse();
            assertThat(f.get("items")).isEmpty();
        }
    }

    @Test
    void textThatIsNotJsonLeavesNothing() {
        TopLevelFields f = feed("error: cannot reach the API server\n".getBytes(StandardCharsets.UTF_8), 5);
        assertThat(f.get("summary")).isEmpty();
        assertThat(f.get("success")).isEmpty();
    }
}
