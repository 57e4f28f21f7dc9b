package io.injectordoctor.mutation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Multi-document manifests (YAML, or JSON, which is YAML too) in and out. Output looks like
 * {@code kubectl}'s: block style, lists not indented, quotes only where YAML needs them.
 */
public final class Manifests {
    private static final YAMLMapper READ = new YAMLMapper();
    private static final ObjectMapper WRITE = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    private Manifests() {
    }

    /** Input that is not a manifest, with the position where reading stopped (1-based). */
    public static final class ManifestException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        ManifestException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /** The objects of every non-empty document, in order. Each must be a mapping. */
    public static List<ObjectNode> parse(String text) throws ManifestException {
        List<ObjectNode> out = new ArrayList<>();
        try (JsonParser p = READ.getFactory().createParser(text);
                MappingIterator<JsonNode> it = READ.readValues(p, JsonNode.class)) {
            while (it.hasNextValue()) {
                JsonLocation at = p.currentTokenLocation();
                JsonNode doc = it.nextValue();
                if (doc == null || doc.isNull() || doc.isMissingNode()) {
                    continue;
                }
                if (!doc.isObject()) {
                    throw new ManifestException("expected an object, found " + doc.getNodeType().name().toLowerCase(java.util.Locale.ROOT),
                            at.getLineNr(), at.getColumnNr());
                }
                out.add((ObjectNode) doc);
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ManifestException(firstLine(e.getOriginalMessage()),
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
        } catch (RuntimeException e) {
            // MappingIterator wraps parse errors in unchecked exceptions
            if (e.getCause() instanceof JsonProcessingException jpe) {
                JsonLocation at = jpe.getLocation();
                throw new ManifestException(firstLine(jpe.getOriginalMessage()),
                        at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
            }
            throw e;
        } catch (IOException e) {
            throw new ManifestException(firstLine(e.getMessage()), 0, 0);
        }
        return out;
    }

    /** One document as YAML, ending in a newline, without a document marker. */
    public static String toYaml(JsonNode object) {
        try {
            return WRITE.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML: " + e.getMessage(), e);
        }
    }

    /** Documents separated by {@code ---} lines, as kubectl and istioctl print them. */
    public static String toYaml(List<? extends JsonNode> objects) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode o : objects) {
            sb.append(toYaml(o)).append("---\n");
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable input";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
