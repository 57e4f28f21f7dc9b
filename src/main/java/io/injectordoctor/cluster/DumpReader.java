package io.injectordoctor.cluster;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads the objects of a dump one at a time, with Jackson's streaming parser: JSON (one or more
 * values, as {@code kubectl get -o json} prints them) or YAML (documents one after another). The
 * items of a list are handed on one by one as they are parsed, so memory holds one object, never
 * the file or the list. The parsers' own limits are set from the documented input limit, not the
 * libraries' defaults (SnakeYAML's code-point limit of 3 MB per document, Jackson's 20 MB string).
 */
final class DumpReader {
    /** Receives one object and where it is ("document 2, item 7"). */
    interface Objects {
        void accept(JsonNode object, String where);
    }

    private DumpReader() {
    }

    static void read(InputStream in, String name, long limit, Objects objects, Consumer<JsonNode> lists)
            throws IOException {
        Reader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        read(r, name, limit, objects, lists);
    }

    static void read(Reader reader, String name, long limit, Objects objects, Consumer<JsonNode> lists)
            throws IOException {
        Reader r = reader.markSupported() ? reader : new BufferedReader(reader, 1 << 16);
        try (JsonParser p = factory(looksLikeJson(r), limit).createParser(r)) {
            new Walk(p, name, objects, lists).documents();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw notUtf8(name);
        } catch (InputFiles.TooLarge e) {
            throw InputFiles.tooLarge(name, limit);
        } catch (JsonProcessingException e) {
            if (causedBy(e, InputFiles.TooLarge.class)) {
                throw InputFiles.tooLarge(name, limit);
            }
            if (causedBy(e, java.nio.charset.CharacterCodingException.class)) {
                throw notUtf8(name);
            }
            throw new DoctorException(ExitCode.DATA, name + ": " + position(e.getLocation()) + firstLine(e.getOriginalMessage()));
        } catch (DoctorException | IOException e) {
            throw e;
        } catch (RuntimeException e) {
            // SnakeYAML's own exceptions, when Jackson does not wrap them
            Throwable c = e.getCause() instanceof JsonProcessingException ? e.getCause() : e;
            if (causedBy(c, InputFiles.TooLarge.class)) {
                throw InputFiles.tooLarge(name, limit);
            }
            if (causedBy(c, java.nio.charset.CharacterCodingException.class)) {
                throw notUtf8(name);
            }
            if (c instanceof JsonProcessingException jpe) {
                throw new DoctorException(ExitCode.DATA, name + ": " + position(jpe.getLocation())
                        + firstLine(jpe.getOriginalMessage()));
            }
            throw new DoctorException(ExitCode.DATA, name + ": malformed: " + firstLine(c.getMessage()));
        }
    }

    private static JsonFactory factory(boolean json, long limit) {
        int max = (int) Math.min(Integer.MAX_VALUE, limit);
        StreamReadConstraints constraints = StreamReadConstraints.builder().maxStringLength(max).maxDocumentLength(limit)
                .build();
        if (json) {
            return JsonFactory.builder().streamReadConstraints(constraints).build();
        }
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(max);
        return YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints).build();
    }

    /**
     * JSON when the text starts an object with a quoted key (or an empty one), or an array of such
     * objects; a YAML flow mapping such as {@code {kind: Pod}} is YAML.
     */
    private static boolean looksLikeJson(Reader r) throws IOException {
        r.mark(4096);
        try {
            int c = next(r);
            if (c == '\uFEFF') {
                c = next(r);
            }
            if (c == '[') {
                c = next(r);
                if (c == ']') {
                    return true;
                }
            }
            if (c != '{') {
                return false;
            }
            c = next(r);
            return c == '"' || c == '}';
        } finally {
            r.reset();
        }
    }

    private static int next(Reader r) throws IOException {
        int c;
        do {
            c = r.read();
        } while (c == ' ' || c == '\t' || c == '\r' || c == '\n');
        return c;
    }

    /** One pass over the parser's tokens. */
    private static final class Walk {
        private final JsonParser p;
        private final String name;
        private final Objects objects;
        private final Consumer<JsonNode> lists;
        private int doc;

        Walk(JsonParser p, String name, Objects objects, Consumer<JsonNode> lists) {
            this.p = p;
            this.name = name;
            this.objects = objects;
            this.lists = lists;
        }

        void documents() throws IOException {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                doc++;
                switch (t) {
                    case VALUE_NULL -> { }
                    // An empty YAML document ("---" right after "---") is an empty scalar.
                    case VALUE_STRING -> {
                        if (!p.getText().isBlank()) {
                            throw new DoctorException(ExitCode.DATA, name + ": document " + doc + " is not an object");
                        }
                    }
                    case START_OBJECT -> document();
                    case START_ARRAY -> {
                        // A JSON array of objects, as some tools write several objects.
                        int i = 0;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            i++;
                            item("document " + doc + ", item " + i);
                        }
                    }
                    default -> throw new DoctorException(ExitCode.DATA, name + ": document " + doc + " is not an object");
                }
            }
        }

        /**
         * An object; when it has an {@code items} array and is not known by then to be of another kind
         * than a list, its items are handed on as they are parsed and the rest of it goes to
         * {@code lists} (a capture's markers are there).
         */
        private void document() throws IOException {
            ObjectNode head = JsonTree.NODES.objectNode();
            boolean streamed = false;
            int items = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                String kind = Json.text(head, "kind");
                if (field.equals("items") && v == JsonToken.START_ARRAY && (kind == null || kind.endsWith("List"))) {
                    streamed = true;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        items++;
                        item("document " + doc + ", item " + items);
                    }
                } else {
                    head.set(field, JsonTree.value(p));
                }
            }
            if (streamed) {
                lists.accept(head);
                return;
            }
            flatten(head, "document " + doc);
        }

        private void item(String where) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                // Not an object: nothing a diagnosis could read.
                p.skipChildren();
                return;
            }
            flatten(JsonTree.value(p), where);
        }

        /** An object, or the items of a list inside a list, each in turn. */
        private void flatten(JsonNode n, String where) {
            String kind = Json.text(n, "kind");
            JsonNode items = n.get("items");
            if (kind != null && kind.endsWith("List") && items != null && items.isArray()) {
                int i = 0;
                for (JsonNode item : items) {
                    i++;
                    if (item.isObject()) {
                        flatten(item, where + ", item " + i);
                    }
                }
                ObjectNode rest = ((ObjectNode) n).deepCopy();
                rest.remove("items");
                lists.accept(rest);
                return;
            }
            if (kind == null) {
                throw new DoctorException(ExitCode.DATA, name + ": " + where + " has no 'kind'");
            }
            objects.accept(n, where);
        }
    }

    private static DoctorException notUtf8(String name) {
        return new DoctorException(ExitCode.DATA, name + ": not UTF-8 text (binary data?)");
    }

    private static String firstLine(String s) {
        return s == null ? "malformed" : s.lines().findFirst().orElse("malformed");
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
