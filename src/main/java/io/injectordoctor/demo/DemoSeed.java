package io.injectordoctor.demo;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reads the seed YAML of a scenario from the classpath, fills in its start-up values, and creates it. */
final class DemoSeed {
    private static final String ROOT = "demo/";
    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());

    private DemoSeed() {
    }

    /** The scenario's objects, in creation order, with every placeholder resolved. */
    static List<HasMetadata> objects(Scenario scenario, SeedValues values) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String file : scenario.seedFiles()) {
            for (JsonNode doc : read(file)) {
                if (doc == null || doc.isNull() || doc.isEmpty()) {
                    continue;
                }
                JsonNode resolved = resolve(doc, values);
                objects.add(toObject(file, resolved));
            }
        }
        return objects;
    }

    /** Creates the objects through the client, one request each, as kubectl create would. */
    static void create(KubernetesClient client, List<HasMetadata> objects) {
        for (HasMetadata object : objects) {
            client.resource(object).create();
        }
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

    private static HasMetadata toObject(String file, JsonNode doc) {
        try {
            KubernetesResource r = Serialization.jsonMapper().treeToValue(doc, KubernetesResource.class);
            if (r instanceof HasMetadata object) {
                return object;
            }
        } catch (IOException e) {
            throw new IllegalStateException("demo seed " + file + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException("demo seed " + file + ": not a Kubernetes object: " + doc.path("kind"));
    }

    private static JsonNode resolve(JsonNode node, SeedValues values) {
        if (node.isTextual() && values.isPlaceholder(node.asText())) {
            return TextNode.valueOf(values.resolve(node.asText()));
        }
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
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
