package io.injectordoctor.cluster;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;

/**
 * Builds JSON trees from Jackson's streaming parser. The read path of a command needs trees of
 * API objects, not Jackson's data binding: the binding's deserializer machinery is most of the
 * classes a short command would otherwise load, so the tree is assembled here, token by token.
 */
public final class JsonTree {
    static final JsonFactory FACTORY = JsonFactory.builder().build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTree() {
    }

    /** The whole document as a tree. */
    public static JsonNode read(InputStream in) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IOException("empty document");
            }
            JsonNode n = value(p);
            if (p.nextToken() != null) {
                throw new IOException("more than one JSON value");
            }
            return n;
        }
    }

    public static JsonNode read(String text) throws IOException {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() == null) {
                throw new IOException("empty document");
            }
            JsonNode n = value(p);
            if (p.nextToken() != null) {
                throw new IOException("more than one JSON value");
            }
            return n;
        }
    }

    /**
     * The first value of a document from any of Jackson's parsers (JSON, YAML), or null when the
     * document is empty; what follows the first value is not read, as {@code ObjectMapper.readTree} does.
     */
    public static JsonNode first(JsonParser p) throws IOException {
        return p.nextToken() == null ? null : value(p);
    }

    /** The value starting at the parser's current token; the parser ends on that value's last token. */
    static JsonNode value(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, value(p));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(value(p));
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.INT ? NODES.numberNode(p.getIntValue())
                        : p.getNumberType() == JsonParser.NumberType.LONG ? NODES.numberNode(p.getLongValue())
                        : NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IOException("unexpected " + p.currentToken());
        }
    }
}
