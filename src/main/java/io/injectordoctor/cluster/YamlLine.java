package io.injectordoctor.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One line's value in the YAML kubeconfigs are written in: a plain, single- or double-quoted
 * scalar, or a flow collection ({@code {a: b, c: [d]}}) on that line. Anything beyond that throws
 * {@link KubeconfigYaml.Unsupported}, and the text goes to the full YAML parser.
 */
final class YamlLine {
    private final String s;
    private int i;

    private YamlLine(String s) {
        this.s = s;
    }

    /** The whole text as one value; anything left after it leaves the subset. */
    static JsonNode read(String s) throws KubeconfigYaml.Unsupported {
        YamlLine f = new YamlLine(s);
        JsonNode v = f.value(false);
        f.skipSpaces();
        if (f.i != s.length()) {
            throw new KubeconfigYaml.Unsupported();
        }
        return v;
    }

    private void skipSpaces() {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
    }

    private JsonNode value(boolean inFlow) throws KubeconfigYaml.Unsupported {
        skipSpaces();
        if (i >= s.length()) {
            return JsonTree.NODES.nullNode();
        }
        char c = s.charAt(i);
        if (c == '{') {
            return map();
        }
        if (c == '[') {
            return list();
        }
        if (c == '"') {
            return JsonTree.NODES.textNode(doubleQuoted());
        }
        if (c == '\'') {
            return JsonTree.NODES.textNode(singleQuoted());
        }
        int start = i;
        while (i < s.length()) {
            char d = s.charAt(i);
            if (inFlow && (d == ',' || d == ']' || d == '}' || (d == ':' && (i + 1 == s.length()
                    || s.charAt(i + 1) == ' ' || ",]}".indexOf(s.charAt(i + 1)) >= 0)))) {
                break;
            }
            if (!inFlow && d == ':' && (i + 1 == s.length() || s.charAt(i + 1) == ' ')) {
                throw new KubeconfigYaml.Unsupported(); // "a: b: c"
            }
            i++;
        }
        String plain = s.substring(start, i).strip();
        if (plain.isEmpty()) {
            return JsonTree.NODES.nullNode();
        }
        return KubeconfigYaml.scalar(plain);
    }

    private ObjectNode map() throws KubeconfigYaml.Unsupported {
        ObjectNode m = JsonTree.NODES.objectNode();
        i++;
        skipSpaces();
        if (i < s.length() && s.charAt(i) == '}') {
            i++;
            return m;
        }
        while (true) {
            JsonNode k = value(true);
            if (!k.isValueNode() || k.isNull()) {
                throw new KubeconfigYaml.Unsupported();
            }
            skipSpaces();
            JsonNode v;
            if (i < s.length() && s.charAt(i) == ':') {
                i++;
                v = value(true);
                skipSpaces();
            } else {
                v = JsonTree.NODES.nullNode();
            }
            if (m.has(k.asText())) {
                throw new KubeconfigYaml.Unsupported();
            }
            m.set(k.asText(), v);
            if (i >= s.length()) {
                throw new KubeconfigYaml.Unsupported();
            }
            char c = s.charAt(i++);
            if (c == '}') {
                return m;
            }
            if (c != ',') {
                throw new KubeconfigYaml.Unsupported();
            }
        }
    }

    private ArrayNode list() throws KubeconfigYaml.Unsupported {
        ArrayNode a = JsonTree.NODES.arrayNode();
        i++;
        skipSpaces();
        if (i < s.length() && s.charAt(i) == ']') {
            i++;
            return a;
        }
        while (true) {
            JsonNode v = value(true);
            skipSpaces();
            if (i < s.length() && s.charAt(i) == ':') {
                throw new KubeconfigYaml.Unsupported(); // a single-pair mapping inside a flow sequence
            }
            a.add(v);
            if (i >= s.length()) {
                throw new KubeconfigYaml.Unsupported();
            }
            char c = s.charAt(i++);
            if (c == ']') {
                return a;
            }
            if (c != ',') {
                throw new KubeconfigYaml.Unsupported();
            }
        }
    }

    private String singleQuoted() throws KubeconfigYaml.Unsupported {
        StringBuilder b = new StringBuilder();
        for (i++; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                    b.append('\'');
                    i++;
                } else {
                    i++;
                    return b.toString();
                }
            } else {
                b.append(c);
            }
        }
        throw new KubeconfigYaml.Unsupported();
    }

    private String doubleQuoted() throws KubeconfigYaml.Unsupported {
        StringBuilder b = new StringBuilder();
        for (i++; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (++i >= s.length()) {
                throw new KubeconfigYaml.Unsupported();
            }
            char e = s.charAt(i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case '0' -> b.append('\0');
                case '"', '\\', '/' -> b.append(e);
                case ' ' -> b.append(' ');
                case 'x' -> b.append((char) hex(2));
                case 'u' -> b.append((char) hex(4));
                case 'U' -> b.appendCodePoint(hex(8));
                default -> throw new KubeconfigYaml.Unsupported();
            }
        }
        throw new KubeconfigYaml.Unsupported();
    }

    private int hex(int digits) throws KubeconfigYaml.Unsupported {
        if (i + digits >= s.length()) {
            throw new KubeconfigYaml.Unsupported();
        }
        try {
            int v = Integer.parseUnsignedInt(s.substring(i + 1, i + 1 + digits), 16);
            i += digits;
            return v;
        } catch (NumberFormatException e) {
            throw new KubeconfigYaml.Unsupported();
        }
    }

    /** The index of the quote that closes the one at {@code open}, or -1. */
    static int closingQuote(String s, int open) {
        char q = s.charAt(open);
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (q == '"' && c == '\\') {
                i++;
            } else if (c == q) {
                if (q == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }
}
