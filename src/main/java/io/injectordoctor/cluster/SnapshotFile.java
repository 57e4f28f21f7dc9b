package io.injectordoctor.cluster;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Reads a cluster dump: multi-document YAML, JSON, or a {@code kind: List} (what
 * {@code kubectl get … -o yaml} prints). The same converter as the live loader is used.
 */
public final class SnapshotFile {
    /** Files larger than this are refused rather than read into memory. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SnapshotFile() {
    }

    public static ClusterSnapshot load(Path file, String istioNamespace) {
        List<JsonNode> docs = read(file, true);
        ClusterSnapshot.Builder b = ClusterSnapshot.builder().source("snapshot " + file).istioNamespace(istioNamespace)
                .fromFile();
        // A file written by 'injector-doctor snapshot' says itself which kinds it captured, which were
        // refused and which the API server failed to give.
        String from = "not in the snapshot (when it was captured: ";
        for (JsonNode d : docs) {
            if (d.has(Capture.CAPTURED_KINDS)) {
                d.get(Capture.CAPTURED_KINDS).forEach(k -> kind(k.asText()).ifPresent(b::loaded));
                JsonNode refused = d.get(Capture.NOT_CAPTURED);
                if (refused != null) {
                    refused.properties().forEach(e -> kind(e.getKey()).ifPresent(k -> b.unreadable(k, from
                            + e.getValue().asText() + ")")));
                }
                JsonNode failed = d.get(Capture.FAILED_KINDS);
                if (failed != null) {
                    failed.properties().forEach(e -> kind(e.getKey()).ifPresent(k -> b.failed(k, from
                            + e.getValue().asText() + ")")));
                }
            }
        }
        // A dump stands for the cluster state: kinds every dump of a diagnosis holds count as read even
        // when it has no object of them. Services, endpoints, secrets and events are often left out of
        // a dump, so for them absence means "not captured" and the checks that need them are skipped.
        for (ResourceKind k : EnumSet.of(ResourceKind.NAMESPACE, ResourceKind.POD,
                ResourceKind.MUTATING_WEBHOOK_CONFIGURATION, ResourceKind.CONFIGMAP, ResourceKind.DEPLOYMENT,
                ResourceKind.STATEFULSET, ResourceKind.DAEMONSET, ResourceKind.REPLICASET, ResourceKind.JOB)) {
            b.loaded(k);
        }
        SnapshotAssembler a = new SnapshotAssembler(b);
        docs.stream().filter(d -> !d.has(Capture.CAPTURED_KINDS)).forEach(a::add);
        ClusterSnapshot s = b.build();
        // Either form of endpoints answers for both.
        if (s.isLoaded(ResourceKind.ENDPOINTS) || s.isLoaded(ResourceKind.ENDPOINTSLICE)) {
            return s.toBuilder().loaded(ResourceKind.ENDPOINTS).loaded(ResourceKind.ENDPOINTSLICE).build();
        }
        return s;
    }

    /** Every object in the file, with List items flattened. Errors name the file and the position. */
    public static List<JsonNode> readObjects(Path file) {
        return read(file, false);
    }

    private static List<JsonNode> read(Path file, boolean withMarkers) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new DoctorException(ExitCode.DATA, file + ": larger than " + (MAX_BYTES >> 20)
                        + " MiB; capture only the objects a diagnosis needs (see 'injector-doctor snapshot')");
            }
        } catch (NoSuchFileException e) {
            throw new DoctorException(ExitCode.DATA, file + ": no such file");
        } catch (IOException e) {
            throw new DoctorException(ExitCode.DATA, file + ": cannot read: " + e.getMessage());
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString(), withMarkers);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new DoctorException(ExitCode.DATA, file + ": not UTF-8 text (binary data?)");
        } catch (IOException e) {
            throw new DoctorException(ExitCode.DATA, file + ": cannot read: " + e.getMessage());
        }
    }

    public static List<JsonNode> parse(Reader reader, String name) throws IOException {
        return parse(reader, name, false);
    }

    private static List<JsonNode> parse(Reader reader, String name, boolean withMarkers) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        // YAML is a superset of JSON, so one parser reads both.
        try (JsonParser p = YAML.getFactory().createParser(reader);
                MappingIterator<JsonNode> it = YAML.readValues(p, JsonNode.class)) {
            int doc = 0;
            while (it.hasNextValue()) {
                JsonNode n = it.nextValue();
                doc++;
                if (n == null || n.isNull() || n.isMissingNode()) {
                    continue;
                }
                if (!n.isObject()) {
                    throw new DoctorException(ExitCode.DATA, name + ": document " + doc + " is not an object");
                }
                flatten(n, out, name, doc, withMarkers);
            }
        } catch (JsonProcessingException e) {
            if (causedBy(e, java.nio.charset.CharacterCodingException.class)) {
                throw new DoctorException(ExitCode.DATA, name + ": not UTF-8 text (binary data?)");
            }
            throw new DoctorException(ExitCode.DATA, name + ": " + position(e.getLocation()) + e.getOriginalMessage()
                    .lines().findFirst().orElse("malformed"));
        } catch (RuntimeException e) {
            if (e instanceof DoctorException) {
                throw e;
            }
            Throwable c = e.getCause() instanceof JsonProcessingException ? e.getCause() : e;
            if (c instanceof JsonProcessingException jpe) {
                throw new DoctorException(ExitCode.DATA, name + ": " + position(jpe.getLocation())
                        + jpe.getOriginalMessage().lines().findFirst().orElse("malformed"));
            }
            throw new DoctorException(ExitCode.DATA, name + ": malformed: " + c.getMessage());
        }
        return out;
    }

    private static java.util.Optional<ResourceKind> kind(String name) {
        try {
            return java.util.Optional.of(ResourceKind.valueOf(name));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static void flatten(JsonNode n, List<JsonNode> out, String name, int doc, boolean withMarkers) {
        String kind = Json.text(n, "kind");
        JsonNode items = n.get("items");
        if (kind != null && kind.endsWith("List") && items != null && items.isArray()) {
            if (withMarkers && n.has(Capture.CAPTURED_KINDS)) {
                // Kept as a marker (without its items) so that load() can read what was captured.
                com.fasterxml.jackson.databind.node.ObjectNode marker = n.deepCopy();
                marker.remove("items");
                out.add(marker);
            }
            for (JsonNode i : items) {
                if (i.isObject()) {
                    flatten(i, out, name, doc, withMarkers);
                }
            }
            return;
        }
        if (kind == null) {
            throw new DoctorException(ExitCode.DATA, name + ": document " + doc + " has no 'kind'");
        }
        out.add(n);
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String position(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 0 ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
    }
}
