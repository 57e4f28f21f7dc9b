package io.injectordoctor.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Reads a cluster dump: multi-document YAML, JSON, or a {@code kind: List} (what
 * {@code kubectl get … -o yaml|json} prints, and what {@code injector-doctor snapshot} writes), one
 * object at a time (see {@link DumpReader}), into the same converter as the live loader. Files larger
 * than {@link #MAX_BYTES} are refused before they are read.
 */
public final class SnapshotFile {
    /**
     * The documented input limit (README, docs/trust.md): the most a snapshot, a dump or a manifest
     * may hold. A dump of 50,000 pods as kubectl prints them is well under it.
     */
    public static final long MAX_BYTES = 512L << 20;

    private SnapshotFile() {
    }

    public static ClusterSnapshot load(Path file, String istioNamespace) {
        ClusterSnapshot.Builder b = ClusterSnapshot.builder().source("snapshot " + file).istioNamespace(istioNamespace)
                .fromFile();
        SnapshotAssembler a = new SnapshotAssembler(b);
        String name = file.toString();
        try (InputStream in = InputFiles.open(file, MAX_BYTES)) {
            DumpReader.read(in, name, MAX_BYTES, (o, where) -> a.add(checked(o, name, where)), list -> marker(list, b));
        } catch (IOException e) {
            throw InputFiles.readFailure(e, name, MAX_BYTES);
        }
        // A dump stands for the cluster state: kinds every dump of a diagnosis holds count as read even
        // when it has no object of them. Services, endpoints, secrets and events are often left out of
        // a dump, so for them absence means "not captured" and the checks that need them are skipped.
        for (ResourceKind k : EnumSet.of(ResourceKind.NAMESPACE, ResourceKind.POD,
                ResourceKind.MUTATING_WEBHOOK_CONFIGURATION, ResourceKind.CONFIGMAP, ResourceKind.DEPLOYMENT,
                ResourceKind.STATEFULSET, ResourceKind.DAEMONSET, ResourceKind.REPLICASET, ResourceKind.JOB)) {
            b.loaded(k);
        }
        ClusterSnapshot s = b.build();
        // Either form of endpoints answers for both.
        if (s.isLoaded(ResourceKind.ENDPOINTS) || s.isLoaded(ResourceKind.ENDPOINTSLICE)) {
            return s.toBuilder().loaded(ResourceKind.ENDPOINTS).loaded(ResourceKind.ENDPOINTSLICE).build();
        }
        return s;
    }

    /** Every object in the file, with List items flattened. Errors name the file and the position. */
    public static List<JsonNode> readObjects(Path file) {
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = InputFiles.open(file, MAX_BYTES)) {
            DumpReader.read(in, file.toString(), MAX_BYTES, (o, where) -> out.add(o), list -> { });
        } catch (IOException e) {
            throw InputFiles.readFailure(e, file.toString(), MAX_BYTES);
        }
        return out;
    }

    /** Every object of a stream (standard input), bounded as a file is. */
    public static List<JsonNode> readObjects(InputStream stream, String name) {
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = InputFiles.bounded(stream, MAX_BYTES, name)) {
            DumpReader.read(in, name, MAX_BYTES, (o, where) -> out.add(o), list -> { });
        } catch (IOException e) {
            throw InputFiles.readFailure(e, name, MAX_BYTES);
        }
        return out;
    }

    public static List<JsonNode> parse(Reader reader, String name) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        DumpReader.read(reader, name, MAX_BYTES, (o, where) -> out.add(o), list -> { });
        return out;
    }

    /**
     * An object of a kind a diagnosis reads must have a name; a namespaced one without a namespace is
     * in "default", as kubectl puts it (cli-runtime resource.Builder's DefaultNamespace: an object
     * without metadata.namespace gets the namespace kubectl runs in, "default" unless one is set).
     */
    private static JsonNode checked(JsonNode o, String file, String where) {
        String kind = Json.text(o, "kind");
        if (!SnapshotAssembler.reads(kind)) {
            return o;
        }
        String name = Json.text(o, "metadata", "name");
        if (name == null || name.isEmpty()) {
            throw new DoctorException(ExitCode.DATA, file + ": " + where + ": a " + kind + " without metadata.name");
        }
        String ns = Json.text(o, "metadata", "namespace");
        if (SnapshotAssembler.namespaced(kind) && (ns == null || ns.isEmpty()) && o.get("metadata") instanceof ObjectNode m) {
            m.put("namespace", "default");
        }
        return o;
    }

    /** What a file written by 'injector-doctor snapshot' says itself about what it captured. */
    private static void marker(JsonNode list, ClusterSnapshot.Builder b) {
        if (!list.has(Capture.CAPTURED_KINDS)) {
            return;
        }
        list.get(Capture.CAPTURED_KINDS).forEach(k -> kind(k.asText()).ifPresent(b::loaded));
        String from = "not in the snapshot (when it was captured: ";
        JsonNode refused = list.get(Capture.NOT_CAPTURED);
        if (refused != null) {
            refused.properties().forEach(e -> kind(e.getKey()).ifPresent(k -> b.unreadable(k, from + e.getValue().asText()
                    + ")")));
        }
        JsonNode failed = list.get(Capture.FAILED_KINDS);
        if (failed != null) {
            failed.properties().forEach(e -> kind(e.getKey()).ifPresent(k -> b.failed(k, from + e.getValue().asText()
                    + ")")));
        }
    }

    private static java.util.Optional<ResourceKind> kind(String name) {
        try {
            return java.util.Optional.of(ResourceKind.valueOf(name));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
