package io.injectordoctor.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.fabric8.zjsonpatch.DiffFlags;
import io.fabric8.zjsonpatch.JsonDiff;
import java.util.EnumSet;

/**
 * The RFC 6902 JSON Patch a mutating webhook answers with, as Istio's injector writes it: only add,
 * replace and remove (no move or copy), which every API server applies and a person can read.
 */
public final class Patches {
    private static final EnumSet<DiffFlags> FLAGS = EnumSet.of(DiffFlags.OMIT_MOVE_OPERATION,
            DiffFlags.OMIT_COPY_OPERATION, DiffFlags.OMIT_VALUE_ON_REMOVE);

    private Patches() {
    }

    /** The operations that turn {@code source} into {@code target}. */
    public static ArrayNode diff(JsonNode source, JsonNode target) {
        return (ArrayNode) JsonDiff.asJson(source, target, FLAGS);
    }
}
