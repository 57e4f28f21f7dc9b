package io.injectordoctor.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.injectordoctor.report.Advice;
import io.injectordoctor.report.Command;
import io.injectordoctor.report.Invocation;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * JSON and YAML rendering of report models (records, maps, lists). Field order follows the record
 * components, so output is stable and can be pinned by golden files. A {@link Command} is written as
 * the line to paste, for the run's {@link Invocation} (its program name and source flags).
 */
public final class Structured {
    // Each writer is made at its first use: a JSON run does not load the YAML library, a text run neither.
    private static final class Json {
        static final ObjectMapper MAPPER = configure(JsonMapper.builder().build());
    }

    private static final class Yaml {
        static final ObjectMapper MAPPER = configure(new ObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)));
    }

    private Structured() {
    }

    private static ObjectMapper configure(ObjectMapper m) {
        m.registerModule(new JavaTimeModule());
        m.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        m.enable(SerializationFeature.INDENT_OUTPUT);
        m.setDefaultPropertyInclusion(JsonInclude.Include.ALWAYS);
        SimpleModule commands = new SimpleModule("commands");
        commands.addSerializer(Command.class, new StdSerializer<>(Command.class) {
            @Override
            public void serialize(Command c, com.fasterxml.jackson.core.JsonGenerator g, SerializerProvider p)
                    throws IOException {
                g.writeString(invocation(p).line(c));
            }
        });
        commands.addSerializer(Advice.class, new StdSerializer<>(Advice.class) {
            @Override
            public void serialize(Advice a, com.fasterxml.jackson.core.JsonGenerator g, SerializerProvider p)
                    throws IOException {
                g.writeString(a.line(invocation(p)));
            }
        });
        m.registerModule(commands);
        return m;
    }

    private static Invocation invocation(SerializerProvider p) {
        Object i = p.getAttribute(Invocation.class);
        return i instanceof Invocation inv ? inv : Invocation.plain();
    }

    private static ObjectWriter writer(ObjectMapper m, Invocation invocation) {
        return m.writer().withAttribute(Invocation.class, invocation);
    }

    public static String json(Object model) {
        return json(model, Invocation.plain());
    }

    public static String json(Object model, Invocation invocation) {
        try {
            return writer(Json.MAPPER, invocation).writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON: " + e.getMessage(), e);
        }
    }

    /** The model as its JSON output has it, as a tree. */
    public static com.fasterxml.jackson.databind.JsonNode tree(Object model) {
        return Json.MAPPER.valueToTree(model);
    }

    public static String yaml(Object model) {
        return yaml(model, Invocation.plain());
    }

    public static String yaml(Object model, Invocation invocation) {
        try {
            return writer(Yaml.MAPPER, invocation).writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render YAML: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code {"schemaVersion": N, "<arrayField>": [items...], "<tailField>": tail}} item by item
     * as the items are made, so that a long list is never held in memory as a whole.
     */
    public static final class ListWriter {
        private final PrintWriter out;
        private final ObjectWriter mapper;
        private final com.fasterxml.jackson.core.JsonGenerator g;

        public ListWriter(PrintWriter out, boolean yaml, int schemaVersion, String arrayField, Invocation invocation) {
            this.out = out;
            ObjectMapper m = yaml ? Yaml.MAPPER : Json.MAPPER;
            this.mapper = writer(m, invocation);
            try {
                g = m.getFactory().createGenerator(out);
                if (!yaml) {
                    g.useDefaultPrettyPrinter();
                }
                g.writeStartObject();
                g.writeNumberField("schemaVersion", schemaVersion);
                g.writeArrayFieldStart(arrayField);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        public void item(Object item) {
            try {
                mapper.writeValue(g, item);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** Lets what was written so far reach the reader: a page at a time, not at the end. */
        public void flush() {
            try {
                g.flush();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            out.flush();
        }

        /** Closes the list, then the document with these fields after it: name, value, name, value... */
        public void finish(Object... tail) {
            try {
                g.writeEndArray();
                for (int i = 0; i + 1 < tail.length; i += 2) {
                    g.writeFieldName((String) tail[i]);
                    mapper.writeValue(g, tail[i + 1]);
                }
                g.writeEndObject();
                g.flush();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            out.println();
            out.flush();
        }
    }

    /** Writes the model as JSON ({@code yaml == false}) or YAML, with a trailing newline. */
    public static void write(PrintWriter out, Object model, boolean yaml, Invocation invocation) {
        String s = yaml ? yaml(model, invocation) : json(model, invocation);
        out.print(s);
        if (!s.endsWith("\n")) {
            out.println();
        }
        out.flush();
    }
}
