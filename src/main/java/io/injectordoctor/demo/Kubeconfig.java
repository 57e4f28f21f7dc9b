package io.injectordoctor.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A kubeconfig with one cluster, one user without credentials, and one context, all named alike. */
final class Kubeconfig {
    private Kubeconfig() {
    }

    static String render(String name, String serverUrl, String namespace) {
        YAMLMapper yaml = new YAMLMapper();
        ObjectNode root = yaml.createObjectNode().put("apiVersion", "v1").put("kind", "Config");
        root.putArray("clusters").addObject().put("name", name).putObject("cluster").put("server", serverUrl);
        root.putArray("users").addObject().put("name", name).putObject("user");
        root.putArray("contexts").addObject().put("name", name).putObject("context")
                .put("cluster", name).put("user", name).put("namespace", namespace);
        root.put("current-context", name);
        root.putObject("preferences");
        try {
            return yaml.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write kubeconfig " + file + ": " + e.getMessage(), e);
        }
    }
}
