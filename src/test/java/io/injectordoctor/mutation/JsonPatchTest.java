package io.injectordoctor.mutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.Test;

class JsonPatchTest {
    private static final ObjectMapper M = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return M.readTree(s.replace('\'', '"'));
    }

    @Test
    void pointerTokensEscapeTildeBeforeSlash() {
        assertThat(JsonPointer.escape("a/b~c")).isEqualTo("a~1b~0c");
        assertThat(JsonPointer.escape("~1")).isEqualTo("~01");
        assertThat(JsonPointer.tokens("/metadata/annotations/sidecar.istio.io~1status/~01"))
                .containsExactly("metadata", "annotations", "sidecar.istio.io/status", "~1");
    }

    @Test
    void annotationKeysWithSlashesAreEscapedInPaths() throws Exception {
        JsonNode a = json("{'metadata':{'annotations':{'a~b':'1'}}}");
        JsonNode b = json("{'metadata':{'annotations':{'sidecar.istio.io/status':'x'}}}");
        ArrayNode patch = JsonPatch.diff(a, b);
        assertThat(patch.toString()).isEqualTo(json("[{'op':'remove','path':'/metadata/annotations/a~0b'},"
                + "{'op':'add','path':'/metadata/annotations/sidecar.istio.io~1status','value':'x'}]").toString());
        assertThat(JsonPatchApplier.apply(patch, a)).isEqualTo(b);
    }

    @Test
    void arraysShrinkFromTheEndAndGrowInOrder() throws Exception {
        JsonNode a = json("{'l':[1,2,3,4]}");
        JsonNode b = json("{'l':[1,9]}");
        ArrayNode patch = JsonPatch.diff(a, b);
        assertThat(patch.toString()).isEqualTo(json("[{'op':'replace','path':'/l/1','value':9},"
                + "{'op':'remove','path':'/l/3'},{'op':'remove','path':'/l/2'}]").toString());
        assertThat(JsonPatchApplier.apply(patch, a)).isEqualTo(b);
        assertThat(JsonPatchApplier.apply(JsonPatch.diff(b, a), b)).isEqualTo(a);
    }

    @Test
    void anElementInsertedAtTheFrontIsOneAdd() throws Exception {
        JsonNode a = json("{'l':[{'name':'app'},{'name':'migrate'}]}");
        JsonNode b = json("{'l':[{'name':'istio-init'},{'name':'app'},{'name':'migrate'}]}");
        ArrayNode patch = JsonPatch.diff(a, b);
        assertThat(patch.toString()).isEqualTo(json("[{'op':'add','path':'/l/0','value':{'name':'istio-init'}}]").toString());
        assertThat(JsonPatchApplier.apply(patch, a)).isEqualTo(b);
        assertThat(JsonPatch.diff(b, a).toString()).isEqualTo(json("[{'op':'remove','path':'/l/0'}]").toString());
    }

    @Test
    void equalDocumentsGiveAnEmptyPatch() throws Exception {
        assertThat(JsonPatch.diff(json("{'a':[1,{'b':null}]}"), json("{'a':[1,{'b':null}]}"))).isEmpty();
    }

    @Test
    void applierRejectsWhatTheApiServerWouldReject() throws Exception {
        JsonNode doc = json("{'a':[1]}");
        assertThatThrownBy(() -> JsonPatchApplier.apply(json("[{'op':'remove','path':'/b'}]"), doc))
                .hasMessageContaining("/b");
        assertThatThrownBy(() -> JsonPatchApplier.apply(json("[{'op':'add','path':'/a/5','value':1}]"), doc))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> JsonPatchApplier.apply(json("[{'op':'move','from':'/a','path':'/c'}]"), doc))
                .hasMessageContaining("unsupported");
        assertThatThrownBy(() -> JsonPatchApplier.apply(json("[{'op':'add','path':'/x/y','value':1}]"), doc))
                .hasMessageContaining("does not exist");
        assertThat(JsonPatchApplier.apply(json("[{'op':'add','path':'/a/-','value':2}]"), doc))
                .isEqualTo(json("{'a':[1,2]}"));
        assertThat(doc).isEqualTo(json("{'a':[1]}"));
    }

    @Property(tries = 300)
    void applyingTheDiffYieldsTheTarget(@ForAll("documents") JsonNode source, @ForAll("documents") JsonNode target) {
        assertThat(JsonPatchApplier.apply(JsonPatch.diff(source, target), source)).isEqualTo(target);
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
