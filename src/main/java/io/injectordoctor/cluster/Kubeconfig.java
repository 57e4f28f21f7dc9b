package io.injectordoctor.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kubeconfig files kubectl would read, merged the way it merges them
 * (kubernetes/client-go tools/clientcmd/loader.go, ClientConfigLoadingRules.Load): --kubeconfig
 * alone when given (it must exist); else every file of $KUBECONFIG in order (missing ones skipped,
 * duplicates read once); else ~/.kube/config. The first file to define a cluster, user or context
 * name wins that name whole, and the first file to set current-context wins it. Each entry
 * remembers its file, against which its relative paths are resolved (loader.go ResolveLocalPaths).
 *
 * @param files the files that were read, in order
 */
public record Kubeconfig(List<Path> files, String currentContext, Map<String, Entry> clusters,
        Map<String, Entry> users, Map<String, Entry> contexts) {

    /** One named cluster, user or context and the file it came from. */
    public record Entry(String name, JsonNode body, Path origin) {
        /** A relative path of this entry, resolved against the entry's file. */
        Path resolve(String path) {
            Path p = Path.of(path);
            if (p.isAbsolute() || origin == null) {
                return p;
            }
            Path dir = origin.toAbsolutePath().getParent();
            return dir == null ? p : dir.resolve(p);
        }

        /** Never the body: it holds tokens and keys. */
        @Override
        public String toString() {
            return name + " (" + origin + ")";
        }
    }

    public Kubeconfig {
        files = List.copyOf(files);
        clusters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(clusters));
        users = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(users));
        contexts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(contexts));
    }

    /** The names only: the entries hold tokens and keys. */
    @Override
    public String toString() {
        return "Kubeconfig" + files + " current-context=" + currentContext + " contexts=" + contexts.keySet();
    }

    /** No file defined anything: kubectl then tries the in-cluster configuration. */
    public boolean empty() {
        return clusters.isEmpty() && users.isEmpty() && contexts.isEmpty() && currentContext == null;
    }

    /** The files kubectl would read, in order, whether or not they exist. */
    public static List<Path> candidates(Path explicit, Environment env) {
        if (explicit != null) {
            return List.of(explicit);
        }
        String list = env.get("KUBECONFIG");
        if (list != null) {
            Set<Path> unique = new LinkedHashSet<>();
            for (String p : list.split(File.pathSeparator, -1)) {
                if (!p.isBlank()) {
                    unique.add(Path.of(p));
                }
            }
            return List.copyOf(unique);
        }
        return List.of(env.home().resolve(".kube").resolve("config"));
    }

    public static Kubeconfig load(Path explicit, Environment env) {
        List<Path> read = new ArrayList<>();
        String current = null;
        Map<String, Entry> clusters = new LinkedHashMap<>();
        Map<String, Entry> users = new LinkedHashMap<>();
        Map<String, Entry> contexts = new LinkedHashMap<>();
        for (Path f : candidates(explicit, env)) {
            JsonNode root = KubeconfigFile.read(f, explicit != null);
            if (root == null) {
                continue;
            }
            read.add(f);
            if (current == null) {
                String cc = Json.text(root, "current-context");
                current = cc == null || cc.isEmpty() ? null : cc;
            }
            merge(root, "clusters", "cluster", f, clusters);
            merge(root, "users", "user", f, users);
            merge(root, "contexts", "context", f, contexts);
        }
        return new Kubeconfig(read, current, clusters, users, contexts);
    }

    private static void merge(JsonNode root, String list, String field, Path file, Map<String, Entry> into) {
        JsonNode items = Json.at(root, list);
        if (items == null) {
            return;
        }
        if (!items.isArray()) {
            throw new DoctorException(ExitCode.DATA, file + ": '" + list + "' is not a list");
        }
        Set<String> inThisFile = new LinkedHashSet<>();
        for (JsonNode item : items) {
            String name = Json.text(item, "name");
            if (!item.isObject() || name == null) {
                throw new DoctorException(ExitCode.DATA, file + ": an entry of '" + list + "' has no name");
            }
            // A name twice in one file is refused (clientcmd/api/v1/conversion.go: "duplicate name ... in list").
            if (!inThisFile.add(name)) {
                throw new DoctorException(ExitCode.DATA, file + ": '" + list + "' names \"" + name + "\" twice");
            }
            JsonNode body = Json.at(item, field);
            if (body != null && !body.isObject()) {
                throw new DoctorException(ExitCode.DATA, file + ": " + field + " \"" + name + "\" is not a mapping");
            }
            into.putIfAbsent(name, new Entry(name, body == null ? JsonTree.NODES.objectNode() : body, file));
        }
    }
}
