package io.injectordoctor.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces credentials that live outside Secret objects before a capture is written: the value of
 * every container {@code env} entry (its name and any {@code valueFrom} reference stay: a reference
 * is not a secret), and wherever a string holds one, a PEM private key block (also base64-encoded),
 * a JWT, a bearer token, or a kubeconfig credential field. Only the matching part of a string is
 * replaced, so that text around it, such as the injector's templates, survives intact. Counts what
 * it replaced, by kind, for the capture's header.
 */
final class Scrubber {
    static final String MARK = "<scrubbed>";

    /** What was replaced, as the capture's header names it. */
    enum Kind {
        ENV_VALUES("envValues"), PRIVATE_KEYS("privateKeys"), TOKENS("tokens"),
        KUBECONFIG_CREDENTIALS("kubeconfigCredentials");

        final String field;

        Kind(String field) {
            this.field = field;
        }
    }

    private static final Pattern PEM_KEY = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----.*?(?:-----END \\1-----|\\z)", Pattern.DOTALL);
    /** Base64 of "-----BEGIN" at each of the three byte alignments a PEM block can start at. */
    private static final String[] BASE64_BEGIN = {"LS0tLS1CRUdJTi", "0tLS0tQkVHSU4", "tLS0tLUJFR0lO"};
    /** A JWT: its header is base64url of a JSON object, so it starts with "eyJ". */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern BEARER = Pattern.compile("(\\b[Bb](?:earer|EARER)\\s+)([A-Za-z0-9._~+/=-]{8,})");
    /**
     * The credential fields of a kubeconfig's users (client-go's clientcmd/api/v1 AuthInfo, and the
     * oidc auth-provider's config), as a YAML key at the start of a line or a quoted JSON key.
     */
    private static final String FIELDS = "token|client-key-data|password|id-token|refresh-token|access-token|client-secret";
    private static final Pattern YAML_FIELD = Pattern.compile(
            "(?m)^(\\s*(?:-\\s+)?[\"']?(?:" + FIELDS + ")[\"']?\\s*:[ \\t]*)(\\S[^\\n]*)$");
    private static final Pattern JSON_FIELD = Pattern.compile(
            "(\\\\?\"(?:" + FIELDS + ")\\\\?\"\\s*:\\s*\\\\?\")((?:[^\"\\\\]|\\\\[^\"])+)(\\\\?\")");

    private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);

    /** The counts so far, by the header's field names; kinds never replaced count 0. */
    Map<String, Integer> counts() {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            out.put(k.field, counts.getOrDefault(k, 0));
        }
        return out;
    }

    /** Scrubs {@code o} in place. */
    void scrub(JsonNode o) {
        if (o instanceof ObjectNode obj) {
            for (Map.Entry<String, JsonNode> f : obj.properties()) {
                if (f.getKey().equals("env") && f.getValue() instanceof ArrayNode env) {
                    env.forEach(this::envValue);
                }
                if (f.getValue().isTextual()) {
                    String s = f.getValue().textValue();
                    String t = text(s);
                    if (!t.equals(s)) {
                        f.setValue(TextNode.valueOf(t));
                    }
                } else {
                    scrub(f.getValue());
                }
            }
        } else if (o instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isTextual()) {
                    String s = a.get(i).textValue();
                    String t = text(s);
                    if (!t.equals(s)) {
                        a.set(i, TextNode.valueOf(t));
                    }
                } else {
                    scrub(a.get(i));
                }
            }
        }
    }

    /** A container's env entry: the value goes, the name and a valueFrom reference stay. */
    private void envValue(JsonNode e) {
        if (e instanceof ObjectNode entry && entry.has("value") && !MARK.equals(entry.path("value").asText(null))) {
            entry.put("value", MARK);
            count(Kind.ENV_VALUES);
        }
    }

    /** One string with every credential in it replaced. */
    String text(String s) {
        if (s.length() < 8) {
            return s;
        }
        String t = s;
        if (t.contains("PRIVATE KEY-----")) {
            t = replace(PEM_KEY, t, Kind.PRIVATE_KEYS, m -> "<scrubbed: " + m.group(1).toLowerCase(java.util.Locale.ROOT) + ">");
        }
        t = base64Keys(t);
        if (t.contains("eyJ")) {
            t = replace(JWT, t, Kind.TOKENS, m -> MARK);
        }
        if (t.contains("earer") || t.contains("EARER")) {
            t = replace(BEARER, t, Kind.TOKENS, m -> m.group(1) + MARK);
        }
        if (t.indexOf(':') >= 0 && (t.contains("token") || t.contains("password") || t.contains("key-data")
                || t.contains("client-secret"))) {
            t = replace(YAML_FIELD, t, Kind.KUBECONFIG_CREDENTIALS, m -> credential(m.group(2)) ? m.group(1) + MARK : null);
            t = replace(JSON_FIELD, t, Kind.KUBECONFIG_CREDENTIALS, m -> credential(m.group(2))
                    ? m.group(1) + MARK + m.group(3) : null);
        }
        return t;
    }

    /** A value worth scrubbing: not empty, not a placeholder, not already scrubbed. */
    private static boolean credential(String v) {
        String x = v.strip();
        return !x.isEmpty() && !x.startsWith(MARK) && !x.startsWith("<scrubbed") && !x.equals("\"\"") && !x.equals("''")
                && !x.equals("null") && !x.equals("~") && !x.equals("{}") && !x.equals("[]");
    }

    /**
     * Replaces each base64 run that holds "-----BEGIN" and decodes to a private key (a PEM block
     * stored as Secret data, or inside a longer encoding). Runs are found from the marker outwards,
     * not with a regular expression: a long run of base64 would make one backtrack quadratically.
     */
    private String base64Keys(String s) {
        StringBuilder out = null;
        int done = 0;
        int from = 0;
        while (true) {
            int at = -1;
            for (String marker : BASE64_BEGIN) {
                int i = s.indexOf(marker, from);
                if (i >= 0 && (at < 0 || i < at)) {
                    at = i;
                }
            }
            if (at < 0) {
                break;
            }
            int start = at;
            while (start > done && base64(s.charAt(start - 1), false)) {
                start--;
            }
            int end = at;
            while (end < s.length() && base64(s.charAt(end), true)) {
                end++;
            }
            from = end;
            if (holdsPrivateKey(s.substring(start, end))) {
                if (out == null) {
                    out = new StringBuilder(s.length());
                }
                out.append(s, done, start).append("<scrubbed: base64 private key>");
                done = end;
                count(Kind.PRIVATE_KEYS);
            }
        }
        return out == null ? s : out.append(s, done, s.length()).toString();
    }

    /** A base64 character; after the marker, MIME line breaks and padding belong to the run too. */
    private static boolean base64(char c, boolean inside) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                || (inside && (c == '=' || c == '\r' || c == '\n'));
    }

    private static boolean holdsPrivateKey(String b64) {
        String clean = b64.replaceAll("[\\s=]", "");
        // The run may not start on a 4-character group: try each start.
        for (int off = 0; off < 4 && off < clean.length(); off++) {
            String group = clean.substring(off, off + (clean.length() - off) / 4 * 4);
            try {
                if (new String(Base64.getDecoder().decode(group), StandardCharsets.ISO_8859_1).contains("PRIVATE KEY")) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // not base64 from this start
            }
        }
        return false;
    }

    private interface Replacement {
        /** The replacement, or null to keep the match. */
        String of(Matcher m);
    }

    private String replace(Pattern p, String s, Kind kind, Replacement r) {
        Matcher m = p.matcher(s);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String with = r.of(m);
            if (with == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length());
            }
            out.append(s, last, m.start()).append(with);
            last = m.end();
            count(kind);
        }
        if (out == null) {
            return s;
        }
        return out.append(s, last, s.length()).toString();
    }

    private void count(Kind k) {
        counts.merge(k, 1, Integer::sum);
    }
}
