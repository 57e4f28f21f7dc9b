package io.injectordoctor.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import io.fabric8.zjsonpatch.JsonPatch;
import org.junit.jupiter.api.Test;

class PatchesTest {
    private static final ObjectMapper M = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return M.readTree(s.replace('\'', '"'));
    }

    @Test
    void annotationKeysWithSlashesAndTildesAreEscapedInPaths() throws Exception {
        JsonNode a = json("{'metadata':{'annotations':{'a~b':'1'}}}");
        JsonNode b = json("{'metadata':{'annotations':{'sidecar.istio.io/status':'x'}}}");
        ArrayNode patch = Patches.diff(a, b);
        assertThat(patch.findValuesAsText("path")).containsExactlyInAnyOrder("/metadata/annotations/a~0b",
                "/metadata/annotations/sidecar.istio.io~1status");
        assertThat(JsonPatch.apply(patch, a)).isEqualTo(b);
    }

    @Test
    void onlyAddReplaceAndRemoveAreWrittenAsIstioWritesThem() throws Exception {
        JsonNode a = json("{'spec':{'containers':[{'name':'app'}],'volumes':[{'name':'v'}]},'x':{'y':1}}");
        JsonNode b = json("{'spec':{'containers':[{'name':'istio-init'},{'name':'app'}]},'z':{'y':1}}");
        ArrayNode patch = Patches.diff(a, b);
        assertThat(patch.findValuesAsText("op")).isSubsetOf("add", "replace", "remove");
        assertThat(JsonPatch.apply(patch, a)).isEqualTo(b);
    }

    @Test
    void equalDocumentsGiveAnEmptyPatch() throws Exception {
        assertThat(Patches.diff(json("{'a':[1,{'b':null}]}"), json("{'a':[1,{'b':null}]}"))).isEmpty();
    }

    @Property(tries = 300)
    void applyingTheDiffYieldsTheTarget(@ForAll("documents") JsonNode source, @ForAll("documents") JsonNode target) {
        ArrayNode patch = Patches.diff(source, target);
        assertThat(patch.findValuesAsText("op")).isSubsetOf("add", "replace", "remove");
        assertThat(JsonPatch.apply(patch, source)).isEqualTo(target);
    }

    @Provide
    Arbitrary<JsonNode> documents() {
        return tree(3).map(n -> {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.set("root", n);
            return (JsonNode) root;
        });
    }

    private static Arbitrary<JsonNode> tree(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                Arbitraries.integers().between(-3, 3).map(i -> (JsonNode) JsonNodeFactory.instance.numberNode(i)),
                Arbitraries.of("", "x", "a/b", "~0", "true").map(s -> (JsonNode) JsonNodeFactory.instance.textNode(s)),
                Arbitraries.of(true, false).map(b -> (JsonNode) JsonNodeFactory.instance.booleanNode(b)),
                Arbitraries.just(JsonNodeFactory.instance.nullNode()));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<JsonNode> child = tree(depth - 1);
        Arbitrary<JsonNode> array = child.list().ofMaxSize(4).map(l -> {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            a.addAll(l);
            return (JsonNode) a;
        });
        Arbitrary<JsonNode> object = Arbitraries.maps(Arbitraries.of("a", "b", "c/d", "e~f", ""), child)
                .ofMaxSize(4).map(m -> {
                    ObjectNode o = JsonNodeFactory.instance.objectNode();
                    m.forEach(o::set);
                    return (JsonNode) o;
                });
        return Arbitraries.oneOf(leaf, array, object);
    }
}
