package io.injectordoctor.cluster;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Collects the objects a diagnosis reads and writes them as one {@code kind: List} YAML file that
 * --snapshot reads back with identical results. What must not leave the cluster is removed as each
 * object arrives (see {@link #add}); the objects wait in a spool file, one JSON line each, so that
 * memory stays bounded and the header, written first, can say what was scrubbed and how much.
 * Nothing reaches the destination unless the capture finished.
 */
public final class Capture implements AutoCloseable {
    /** Made by the first capture: a command that captures nothing loads neither. */
    private static final class Mappers {
        static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
        static final ObjectMapper JSON = new ObjectMapper();
    }
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    /** Top-level fields of a capture file, after its items. */
    public static final String CAPTURED_KINDS = "capturedKinds";
    /** Kinds the capture was refused (403), with the reason. */
    public static final String NOT_CAPTURED = "notCaptured";
    /** Kinds the API server failed to give (5xx), with the reason: a capture without them is partial. */
    public static final String FAILED_KINDS = "failedKinds";

    static final String SCRUBBING = "outside Secrets, container env values, private keys (PEM, or base64 of PEM), JWT"
            + " and bearer tokens and kubeconfig credential fields were replaced with <scrubbed>;"
            + " kubectl.kubernetes.io/last-applied-configuration annotations were dropped; of Secrets only the"
            + " certificate entries were kept";

    private final Path spool;
    private final OutputStream spoolOut;
    private final JsonGenerator lines;
    private final Scrubber scrubber = new Scrubber();
    private final Set<String> seen = new HashSet<>();
    private int count;
    private int lastApplied;
    private int secretEntries;

    /** @param spoolDirectory where the objects wait until the capture is written (the destination's directory) */
    public Capture(Path spoolDirectory) {
        try {
            spool = Files.createTempFile(spoolDirectory, ".injector-doctor-capture-", ".jsonl");
            spoolOut = Files.newOutputStream(spool);
            lines = Mappers.JSON.getFactory().createGenerator(spoolOut);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Takes one object as the API server sent it and spools what may leave the cluster, once: a list
     * restarted after an expired continue token repeats objects.
     */
    public void add(JsonNode raw) {
        String key = Json.text(raw, "kind") + "/" + Json.text(raw, "metadata", "namespace") + "/"
                + Json.text(raw, "metadata", "name");
        if (!seen.add(key)) {
            return;
        }
        JsonNode o = sanitize(raw);
        try {
            Mappers.JSON.writeTree(lines, o);
            lines.writeRaw('\n');
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int count() {
        return count;
    }

    /**
     * Writes the capture: a header with the source and what was scrubbed, the objects, then which
     * kinds were read (even when none of their objects exist), which were refused and which the API
     * server failed to give, so that reading the file back tells "none" from "not captured".
     */
    public void writeTo(Writer out, String source, Set<ResourceKind> captured, Map<ResourceKind, String> refused,
            Map<ResourceKind, String> failed) throws IOException {
        lines.close();
        out.write("# injector-doctor snapshot of " + source.replace('\n', ' ') + "\n# Scrubbed before writing: "
                + SCRUBBING + " (counts in metadata.scrubbed).\n");
        JsonGenerator gen = Mappers.YAML.getFactory().createGenerator(out);
        gen.writeStartObject();
        gen.writeStringField("apiVersion", "v1");
        gen.writeStringField("kind", "List");
        gen.writeObjectFieldStart("metadata");
        gen.writeStringField("source", source);
        gen.writeObjectFieldStart("scrubbed");
        for (Map.Entry<String, Integer> e : scrubber.counts().entrySet()) {
            gen.writeNumberField(e.getKey(), e.getValue());
        }
        gen.writeNumberField("lastAppliedConfigurationsDropped", lastApplied);
        gen.writeNumberField("secretEntriesDropped", secretEntries);
        gen.writeEndObject();
        gen.writeEndObject();
        gen.writeArrayFieldStart("items");
        try (InputStream in = Files.newInputStream(spool); JsonParser p = JsonTree.FACTORY.createParser(in)) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
                Mappers.YAML.writeTree(gen, JsonTree.value(p));
            }
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart(CAPTURED_KINDS);
        for (ResourceKind k : captured) {
            gen.writeString(k.name());
        }
        gen.writeEndArray();
        writeReasons(gen, NOT_CAPTURED, refused, failed, false);
        writeReasons(gen, FAILED_KINDS, refused, failed, true);
        gen.writeEndObject();
        gen.flush();
    }

    private static void writeReasons(JsonGenerator gen, String field, Map<ResourceKind, String> unreadable,
            Map<ResourceKind, String> failed, boolean wantFailed) throws IOException {
        gen.writeObjectFieldStart(field);
        for (Map.Entry<ResourceKind, String> e : unreadable.entrySet()) {
            if (failed.containsKey(e.getKey()) == wantFailed) {
                gen.writeStringField(e.getKey().name(), e.getValue());
            }
        }
        gen.writeEndObject();
    }

    /** Removes the spool; what was captured is gone unless {@link #writeTo} wrote it. */
    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException ignored) {
            // the spool is deleted next
        }
        try {
            spoolOut.close();
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the header says was scrubbed, by kind: env values, private keys, tokens, kubeconfig credentials. */
    public Map<String, Integer> scrubbed() {
        Map<String, Integer> all = new java.util.LinkedHashMap<>(scrubber.counts());
        all.put("lastAppliedConfigurationsDropped", lastApplied);
        all.put("secretEntriesDropped", secretEntries);
        return all;
    }

    /**
     * What may leave the cluster: no managed fields, no last-applied configuration (it repeats a
     * secret's data and every env value), of a secret only its certificate entries, and everywhere
     * else no credential (see {@link Scrubber}).
     */
    private JsonNode sanitize(JsonNode o) {
        ObjectNode copy = o.deepCopy();
        JsonNode meta = copy.get("metadata");
        if (meta instanceof ObjectNode m) {
            // A namespace's managedFields tell when it was labelled for injection; the rest is noise.
            if (!"Namespace".equals(Json.text(copy, "kind"))) {
                m.remove("managedFields");
            }
            JsonNode ann = m.get("annotations");
            if (ann instanceof ObjectNode a && a.remove(LAST_APPLIED) != null) {
                lastApplied++;
            }
        }
        if ("Secret".equals(Json.text(copy, "kind"))) {
            return secret(copy);
        }
        scrubber.scrub(copy);
        return copy;
    }

    private JsonNode secret(ObjectNode s) {
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
        secretEntries += Math.max(0, s.path("data").size() + s.path("stringData").size() - info.certificates().size());
        return out;
    }
}
