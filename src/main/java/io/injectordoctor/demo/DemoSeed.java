package io.injectordoctor.demo;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the seed YAML of a scenario from the classpath, fills in its start-up values, and creates it. */
final class DemoSeed {
    private static final String ROOT = "demo/";
    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());

    private DemoSeed() {
    }

    /** The scenario's objects, in creation order, with every placeholder resolved. */
    static List<ObjectNode> objects(Scenario scenario, SeedValues values) {
        List<ObjectNode> objects = new ArrayList<>();
        for (String file : scenario.seedFiles()) {
            for (JsonNode doc : read(file)) {
                if (doc == null || doc.isNull() || doc.isEmpty()) {
                    continue;
                }
                if (!(doc instanceof ObjectNode object) || !doc.hasNonNull("kind") || !doc.hasNonNull("apiVersion")) {
                    throw new IllegalStateException("demo seed " + file + ": not a Kubernetes object: " + doc);
                }
                objects.add((ObjectNode) resolve(object, values));
            }
        }
        return objects;
    }

    /**
     * Creates the objects through the client, one POST each, as {@code kubectl create} would. The
     * JSON goes as it is: turning it into typed objects first would load the client's whole model
     * registry, the largest part of the start-up time.
     */
    static void create(KubernetesClient client, List<ObjectNode> objects) {
        for (ObjectNode object : objects) {
            client.raw(collectionPath(object), "POST", object);
        }
    }

    /** The collection a seed object is created in, from the kinds the demo server serves. */
    static String collectionPath(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        for (ApiDiscovery.GroupVersion gv : ApiDiscovery.SERVED) {
            if (!gv.groupVersion().equals(apiVersion)) {
                continue;
            }
            for (ApiDiscovery.Resource r : gv.resources()) {
                if (r.kind().equals(kind)) {
                    String namespace = object.path("metadata").path("namespace").asText("");
                    if (r.namespaced() && namespace.isEmpty()) {
                        throw new IllegalStateException("demo seed: " + kind + " without a namespace: "
                                + object.path("metadata").path("name").asText());
                    }
                    return gv.path() + (r.namespaced() ? "/namespaces/" + namespace : "") + "/" + r.plural();
                }
            }
        }
        throw new IllegalStateException("demo seed: the demo server does not serve " + apiVersion + " " + kind);
    }

    private static List<JsonNode> read(String file) {
        try (InputStream in = DemoSeed.class.getClassLoader().getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("demo seed file missing from the classpath: " + ROOT + file);
            }
            JsonParser parser = YAML.getFactory().createParser(in);
            try (MappingIterator<JsonNode> docs = YAML.readValues(parser, JsonNode.class)) {
                return docs.readAll();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo seed " + file, e);
        }
    }

    private static JsonNode resolve(JsonNode node, SeedValues values) {
        if (node.isTextual() && values.isPlaceholder(node.asText())) {
            return TextNode.valueOf(values.resolve(node.asText()));
        }
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                field.setValue(resolve(field.getValue(), values));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, resolve(array.get(i), values));
            }
        }
        return node;
    }
}
