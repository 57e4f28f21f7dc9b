package io.injectordoctor.cluster;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes the objects a diagnosis reads into one {@code kind: List} YAML file that --snapshot reads
 * back with identical results. Objects are streamed as they are read, so memory stays bounded.
 */
public final class Capture implements AutoCloseable {
    /** Made by the first capture, not by {@link #sanitize}, which every read of a command calls. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
    }
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    /** Top-level fields of a capture file, after its items. */
    public static final String CAPTURED_KINDS = "capturedKinds";
    public static final String NOT_CAPTURED = "notCaptured";

    private final JsonGenerator gen;
    private boolean finished;
    private final Set<String> seen = new HashSet<>();
    private int count;

    public Capture(Writer out, String source) {
        try {
            gen = Yaml.MAPPER.getFactory().createGenerator(out);
            gen.writeStartObject();
            gen.writeStringField("apiVersion", "v1");
            gen.writeStringField("kind", "List");
            gen.writeObjectFieldStart("metadata");
            gen.writeStringField("source", source);
            gen.writeEndObject();
            gen.writeArrayFieldStart("items");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends one object, once: a list restarted after an expired continue token repeats objects. */
    public void add(JsonNode o) {
        String key = Json.text(o, "kind") + "/" + Json.text(o, "metadata", "namespace") + "/"
                + Json.text(o, "metadata", "name");
        if (!seen.add(key)) {
            return;
        }
        try {
            Yaml.MAPPER.writeTree(gen, o);
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int count() {
        return count;
    }

    /**
     * Records which kinds were read (even when none of their objects exist) and which were refused,
     * so that reading the file back tells "none" apart from "not captured", as the live cluster did.
     */
    public void finish(java.util.Set<ResourceKind> captured, Map<ResourceKind, String> refused) {
        try {
            gen.writeEndArray();
            gen.writeArrayFieldStart(CAPTURED_KINDS);
            for (ResourceKind k : captured) {
                gen.writeString(k.name());
            }
            gen.writeEndArray();
            gen.writeObjectFieldStart(NOT_CAPTURED);
            for (Map.Entry<ResourceKind, String> e : refused.entrySet()) {
                gen.writeStringField(e.getKey().name(), e.getValue());
            }
            gen.writeEndObject();
            finished = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (!finished) {
                gen.writeEndArray();
            }
            gen.writeEndObject();
            gen.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What may leave the cluster: no managed fields, no last-applied configuration (it repeats a
     * secret's data), and of a secret only its certificate entries.
     */
    public static JsonNode sanitize(JsonNode o) {
        ObjectNode copy = o.deepCopy();
        JsonNode meta = copy.get("metadata");
        if (meta instanceof ObjectNode m) {
            // A namespace's managedFields tell when it was labelled for injection; the rest is noise.
            if (!"Namespace".equals(Json.text(copy, "kind"))) {
                m.remove("managedFields");
            }
            JsonNode ann = m.get("annotations");
            if (ann instanceof ObjectNode a) {
                a.remove(LAST_APPLIED);
            }
        }
        if ("Secret".equals(Json.text(copy, "kind"))) {
            return secret(copy);
        }
        return copy;
    }

    private static JsonNode secret(ObjectNode s) {
        io.injectordoctor.model.SecretInfo info = SecretReader.read(s);
        ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        out.put("apiVersion", "v1");
        out.put("kind", "Secret");
        ObjectNode meta = out.putObject("metadata");
        meta.put("name", info.meta().name());
        meta.put("namespace", info.meta().namespace());
        if (!info.meta().labels().isEmpty()) {
            ObjectNode labels = meta.putObject("labels");
            info.meta().labels().forEach(labels::put);
        }
        if (info.type() != null) {
            out.put("type", info.type());
        }
        ObjectNode data = out.putObject("data");
        for (Map.Entry<String, String> e : info.certificates().entrySet()) {
            data.put(e.getKey(), Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }
}
