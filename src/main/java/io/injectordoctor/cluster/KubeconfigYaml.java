package io.injectordoctor.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the YAML that kubeconfig files are written in (what kubectl, cloud CLIs and Jackson write:
 * block mappings and sequences, one-line flow collections, plain and quoted scalars, comments)
 * without a full YAML parser, whose class loading is a measurable share of a short command.
 * Anything outside that subset (anchors, tags, block scalars, multi-line scalars, several
 * documents) makes {@link #parse} answer null, and the caller hands the text to the full parser;
 * this reader therefore never reports an error of its own and never guesses.
 */
final class KubeconfigYaml {
    private static final Set<String> TRUE = Set.of("true", "True", "TRUE");
    private static final Set<String> FALSE = Set.of("false", "False", "FALSE");
    private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");

    /** Thrown inside the reader when the text leaves the subset; never escapes {@link #parse}. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    private record Line(int indent, String content) {
    }

    private final List<Line> lines;
    private int pos;

    private KubeconfigYaml(List<Line> lines) {
        this.lines = lines;
    }

    /** The document as a tree, or null when the text uses YAML this reader does not handle. */
    static JsonNode parse(String text) {
        try {
            List<Line> lines = lines(text);
            if (lines.isEmpty()) {
                return JsonTree.NODES.objectNode();
            }
            KubeconfigYaml r = new KubeconfigYaml(lines);
            JsonNode root = r.block(lines.get(0).indent());
            if (r.pos != lines.size()) {
                return null;
            }
            return root;
        } catch (Unsupported | RuntimeException e) {
            return null;
        }
    }

    private static List<Line> lines(String text) throws Unsupported {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Line> out = new ArrayList<>();
        boolean started = false;
        for (String raw : t.split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            if (indent < line.length() && line.charAt(indent) == '\t') {
                throw new Unsupported();
            }
            String content = stripComment(line.substring(indent)).stripTrailing();
            if (content.isEmpty()) {
                continue;
            }
            if (indent == 0 && (content.equals("---") || content.startsWith("--- "))) {
                if (started || !content.equals("---")) {
                    throw new Unsupported();
                }
                started = true;
                continue;
            }
            if (indent == 0 && (content.equals("...") || content.startsWith("%"))) {
                throw new Unsupported();
            }
            started = true;
            out.add(new Line(indent, content));
        }
        return out;
    }

    /** Removes a comment: '#' at the start or after a space, outside quotes. */
    private static String stripComment(String s) {
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    if (quote == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                        i++;
                    } else {
                        quote = 0;
                    }
                } else if (c == '\\' && quote == '"') {
                    i++;
                }
            } else if (c == '"' || c == '\'') {
                if (i == 0 || " \t[{,:-".indexOf(s.charAt(i - 1)) >= 0) {
                    quote = c;
                }
            } else if (c == '#' && (i == 0 || s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t')) {
                return s.substring(0, i);
            }
        }
        return s;
    }

    private JsonNode block(int indent) throws Unsupported {
        Line l = lines.get(pos);
        if (l.indent() != indent) {
            throw new Unsupported();
        }
        if (isItem(l.content())) {
            return sequence(indent);
        }
        if (keyEnd(l.content()) >= 0) {
            return mapping(indent);
        }
        pos++;
        JsonNode v = inline(l.content());
        if (pos < lines.size() && lines.get(pos).indent() > indent) {
            throw new Unsupported(); // a scalar continued on the next line
        }
        return v;
    }

    private static boolean isItem(String content) {
        return content.equals("-") || content.startsWith("- ");
    }

    private ObjectNode mapping(int indent) throws Unsupported {
        ObjectNode map = JsonTree.NODES.objectNode();
        while (pos < lines.size() && lines.get(pos).indent() == indent && !isItem(lines.get(pos).content())) {
            Line l = lines.get(pos);
            int colon = keyEnd(l.content());
            if (colon < 0) {
                throw new Unsupported();
            }
            String key = key(l.content().substring(0, colon).strip());
            if (map.has(key)) {
                throw new Unsupported();
            }
            String rest = l.content().substring(colon + 1).strip();
            pos++;
            map.set(key, rest.isEmpty() ? nested(indent) : valueOnLine(rest, indent));
        }
        if (pos < lines.size() && lines.get(pos).indent() > indent) {
            throw new Unsupported();
        }
        return map;
    }

    /** The value of "key:" with nothing after it: a deeper block, a sequence at the key's indent, or null. */
    private JsonNode nested(int indent) throws Unsupported {
        if (pos >= lines.size()) {
            return JsonTree.NODES.nullNode();
        }
        Line next = lines.get(pos);
        if (next.indent() > indent) {
            return block(next.indent());
        }
        if (next.indent() == indent && isItem(next.content())) {
            return sequence(indent);
        }
        return JsonTree.NODES.nullNode();
    }

    private JsonNode valueOnLine(String rest, int indent) throws Unsupported {
        JsonNode v = inline(rest);
        if (pos < lines.size() && lines.get(pos).indent() > indent) {
            throw new Unsupported(); // a multi-line scalar or a flow collection over several lines
        }
        return v;
    }

    private ArrayNode sequence(int indent) throws Unsupported {
        ArrayNode seq = JsonTree.NODES.arrayNode();
        while (pos < lines.size() && lines.get(pos).indent() == indent && isItem(lines.get(pos).content())) {
            Line l = lines.get(pos);
            String after = l.content().substring(1);
            String item = after.stripLeading();
            if (item.isEmpty()) {
                pos++;
                seq.add(pos < lines.size() && lines.get(pos).indent() > indent ? block(lines.get(pos).indent())
                        : JsonTree.NODES.nullNode());
                continue;
            }
            // "- key: value" opens a mapping whose further keys line up with "key".
            int itemIndent = indent + 1 + (after.length() - item.length());
            if (isItem(item) || keyEnd(item) >= 0) {
                lines.set(pos, new Line(itemIndent, item));
                seq.add(block(itemIndent));
            } else {
                pos++;
                seq.add(valueOnLine(item, indent));
            }
        }
        return seq;
    }

    /** Index of the ':' that ends a mapping key on this line, or -1 when the line is no "key: value". */
    private static int keyEnd(String s) throws Unsupported {
        if (s.isEmpty()) {
            return -1;
        }
        char first = s.charAt(0);
        if (first == '?' || first == '&' || first == '*' || first == '!' || first == '[' || first == '{'
                || first == '|' || first == '>') {
            if (first == '[' || first == '{') {
                return -1;
            }
            throw new Unsupported();
        }
        int i = 0;
        if (first == '"' || first == '\'') {
            i = YamlLine.closingQuote(s, 0);
            if (i < 0) {
                return -1;
            }
            i++;
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            return i < s.length() && s.charAt(i) == ':' && (i + 1 == s.length() || s.charAt(i + 1) == ' ') ? i : -1;
        }
        for (; i < s.length(); i++) {
            if (s.charAt(i) == ':' && (i + 1 == s.length() || s.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    private static String key(String k) throws Unsupported {
        if (k.isEmpty()) {
            throw new Unsupported();
        }
        JsonNode n = inline(k);
        if (!n.isValueNode() || n.isNull()) {
            throw new Unsupported();
        }
        return n.asText();
    }

    /** A value written on one line: a quoted or plain scalar, or a flow collection. */
    private static JsonNode inline(String s) throws Unsupported {
        return YamlLine.read(s);
    }

    static JsonNode scalar(String plain) throws Unsupported {
        if (NULL.contains(plain)) {
            return JsonTree.NODES.nullNode();
        }
        if (TRUE.contains(plain)) {
            return JsonTree.NODES.booleanNode(true);
        }
        if (FALSE.contains(plain)) {
            return JsonTree.NODES.booleanNode(false);
        }
        char c = plain.charAt(0);
        char second = plain.length() > 1 ? plain.charAt(1) : ' ';
        // Numbers, YAML 1.1 booleans (yes, on, ...), special floats and indicators are typed or
        // refused differently by every parser: leave them to the full one.
        if (Character.isDigit(c) || c == '.' || ((c == '-' || c == '+') && (Character.isDigit(second)
                || second == '.' || second == ' ')) || YAML11.contains(plain) || "&*!|>%@`,[]{}#?:'\"<=".indexOf(c) >= 0) {
            throw new Unsupported();
        }
        return JsonTree.NODES.textNode(plain);
    }

    private static final Set<String> YAML11 = Set.of("y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
            "on", "On", "ON", "off", "Off", "OFF");
}
