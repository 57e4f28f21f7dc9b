package io.injectordoctor.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Receives a JSON document as it is written and keeps only the values of some top-level fields.
 * A fleet run needs each cluster's summary, not its pods: holding the whole output of an audit of
 * a large cluster (or of several at once) would undo the streaming of the audit itself.
 */
final class TopLevelFields extends OutputStream {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Set<String> wanted;
    private final Map<String, JsonNode> found = new HashMap<>();
    private final JsonParser parser;
    private final ByteArrayFeeder feeder;
    private final Deque<ContainerNode<?>> open = new ArrayDeque<>();
    private int depth;
    private String capturing;
    private String fieldInCapture;
    private boolean malformed;

    TopLevelFields(Set<String> wanted) {
        this.wanted = wanted;
        try {
            this.parser = new JsonFactory().createNonBlockingByteArrayParser();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    }

    /** The value of a wanted top-level field, once it has been written in full. */
    Optional<JsonNode> get(String field) {
        return Optional.ofNullable(found.get(field));
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (malformed || len == 0) {
            return;
        }
        try {
            feeder.feedInput(b, off, off + len);
            for (JsonToken t = parser.nextToken(); t != null && t != JsonToken.NOT_AVAILABLE; t = parser.nextToken()) {
                token(t);
            }
        } catch (IOException e) {
            // Not JSON (a run that failed before printing): there is nothing to keep.
            malformed = true;
        }
    }

    private void token(JsonToken t) throws IOException {
        if (capturing == null) {
            switch (t) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case FIELD_NAME -> {
                    if (depth == 1 && wanted.contains(parser.currentName())) {
                        capturing = parser.currentName();
                    }
                }
                default -> {
                }
            }
            return;
        }
        switch (t) {
            case START_OBJECT -> push(NODES.objectNode());
            case START_ARRAY -> push(NODES.arrayNode());
            case END_OBJECT, END_ARRAY -> {
                ContainerNode<?> done = open.pop();
                if (open.isEmpty()) {
                    complete(done);
                }
            }
            case FIELD_NAME -> fieldInCapture = parser.currentName();
            default -> {
                JsonNode v = scalar(t);
                if (open.isEmpty()) {
                    complete(v);
                } else {
                    add(v);
                }
            }
        }
    }

    private void push(ContainerNode<?> n) {
        if (!open.isEmpty()) {
            add(n);
        }
        open.push(n);
    }

    private void add(JsonNode v) {
        if (open.peek() instanceof ObjectNode o) {
            o.set(fieldInCapture, v);
        } else {
            ((ArrayNode) open.peek()).add(v);
        }
    }

    private void complete(JsonNode v) {
        found.put(capturing, v);
        capturing = null;
    }

    private JsonNode scalar(JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> NODES.textNode(parser.getText());
            // The node types ObjectMapper.readTree makes, so that values compare equal.
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            default -> NODES.nullNode();
        };
    }

    @Override
    public void close() {
        feeder.endOfInput();
    }
}
