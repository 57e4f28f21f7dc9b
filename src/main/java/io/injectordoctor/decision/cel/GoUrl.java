package io.injectordoctor.decision.cel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A URL as Go's net/url parses it (url.go {@code parse}, {@code getScheme},
 * {@code parseAuthority}, {@code parseHost}, {@code setPath}, {@code EscapedPath},
 * {@code ParseQuery}), enough for the Kubernetes URL library: scheme, host and port, path and
 * query. {@code viaRequest} is {@code ParseRequestURI}'s strictness: an absolute URI or an
 * absolute path, the fragment not split off.
 */
final class GoUrl {
    final String scheme;
    final String host;
    final String path;
    final String rawPath;
    final String rawQuery;

    private GoUrl(String scheme, String host, String path, String rawPath, String rawQuery) {
        this.scheme = scheme;
        this.host = host;
        this.path = path;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
    }

    /** url.ParseRequestURI: the error, as "parse \"raw\": reason", or null. */
    static String requestUriError(String raw) {
        try {
            parse(raw, true);
            return null;
        } catch (IllegalArgumentException e) {
            return "parse " + IpAddress.quote(raw) + ": " + e.getMessage();
        }
    }

    /** url.Parse: the fragment split off first. */
    static GoUrl parse(String raw) {
        int hash = raw.indexOf('#');
        return parse(hash < 0 ? raw : raw.substring(0, hash), false);
    }

    private static GoUrl parse(String raw, boolean viaRequest) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("net/url: invalid control character in URL");
            }
        }
        if (raw.isEmpty() && viaRequest) {
            throw new IllegalArgumentException("empty url");
        }
        if (raw.equals("*")) {
            return new GoUrl("", "", "*", "", "");
        }
        String scheme = "";
        String rest = raw;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                continue;
            }
            if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    break;
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    throw new IllegalArgumentException("missing protocol scheme");
                }
                scheme = raw.substring(0, i).toLowerCase(java.util.Locale.ROOT);
                rest = raw.substring(i + 1);
            }
            break;
        }
        String query = "";
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            rest = rest.substring(0, rest.length() - 1);
        } else if (rest.indexOf('?') >= 0) {
            query = rest.substring(rest.indexOf('?') + 1);
            rest = rest.substring(0, rest.indexOf('?'));
        }
        if (!rest.startsWith("/")) {
            if (!scheme.isEmpty()) {
                return new GoUrl(scheme, "", "", "", query);
            }
            if (viaRequest) {
                throw new IllegalArgumentException("invalid URI for request");
            }
            String segment = rest.indexOf('/') < 0 ? rest : rest.substring(0, rest.indexOf('/'));
            if (segment.contains(":")) {
                throw new IllegalArgumentException("first path segment in URL cannot contain colon");
            }
        }
        String host = "";
        if ((!scheme.isEmpty() || (!viaRequest && !rest.startsWith("///"))) && rest.startsWith("//")) {
            String authority = rest.substring(2);
            rest = "";
            int slash = authority.indexOf('/');
            if (slash >= 0) {
                rest = authority.substring(slash);
                authority = authority.substring(0, slash);
            }
            int at = authority.lastIndexOf('@');
            host = parseHost(at < 0 ? authority : authority.substring(at + 1));
        }
        String path = unescape(rest, false);
        String rawPath = escapePath(path).equals(rest) ? "" : rest;
        return new GoUrl(scheme, host, path, rawPath, query);
    }

    private static String parseHost(String host) {
        String colonPort;
        if (host.startsWith("[")) {
            int i = host.lastIndexOf(']');
            if (i < 0) {
                throw new IllegalArgumentException("missing ']' in host");
            }
            colonPort = host.substring(i + 1);
        } else {
            int i = host.lastIndexOf(':');
            colonPort = i < 0 ? "" : host.substring(i);
        }
        if (!validOptionalPort(colonPort)) {
            throw new IllegalArgumentException("invalid port " + IpAddress.quote(colonPort) + " after host");
        }
        return unescape(host, true);
    }

    private static boolean validOptionalPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        if (port.charAt(0) != ':') {
            return false;
        }
        return port.substring(1).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** url.go {@code unescape}: %XX to bytes; a bad escape is an error, as is an escaped ASCII byte in a host. */
    private static String unescape(String s, boolean host) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%') {
                if (i + 2 >= bytes.length || Character.digit(bytes[i + 1], 16) < 0 || Character.digit(bytes[i + 2], 16) < 0) {
                    String bad = new String(bytes, i, Math.min(3, bytes.length - i), StandardCharsets.UTF_8);
                    throw new IllegalArgumentException("invalid URL escape " + IpAddress.quote(bad));
                }
                // In a host, %-encoding is for non-ASCII bytes only, and %25 (RFC 6874 zone identifiers).
                if (host && Character.digit(bytes[i + 1], 16) < 8 && !(bytes[i + 1] == '2' && bytes[i + 2] == '5')) {
                    throw new IllegalArgumentException("invalid URL escape "
                            + IpAddress.quote(new String(bytes, i, 3, StandardCharsets.UTF_8)));
                }
                out.write(Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** url.go {@code EscapedPath}: the path as written when that is a valid encoding of it, else escaped. */
    String escapedPath() {
        if (!rawPath.isEmpty() && validEncoded(rawPath) && unescape(rawPath, false).equals(path)) {
            return rawPath;
        }
        return path.equals("*") ? "*" : escapePath(path);
    }

    private static boolean validEncoded(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("!$&'()*+,;=:@[]".indexOf(c) >= 0) {
                continue;
            }
            if (c == '%' || c == '/' || !shouldEscapePath(c)) {
                continue;
            }
            return false;
        }
        return true;
    }

    private static String escapePath(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if (shouldEscapePath(c)) {
                b.append('%').append(String.format("%02X", x & 0xff));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    // url.go shouldEscape with encodePath: unreserved characters and $&+,/:;=@ stay.
    private static boolean shouldEscapePath(char c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return false;
        }
        return "-_.~$&+,/:;=@".indexOf(c) < 0;
    }

    String hostname() {
        if (host.startsWith("[")) {
            int i = host.indexOf(']');
            return i < 0 ? host.substring(1) : host.substring(1, i);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    String port() {
        int colon = host.lastIndexOf(':');
        if (colon < 0 || (host.startsWith("[") && host.lastIndexOf(']') > colon)) {
            return "";
        }
        return host.substring(colon + 1);
    }

    /** url.go {@code ParseQuery}: pairs split at '&', a pair with ';' or a bad escape skipped; keys in order. */
    Map<String, List<String>> query() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty() || pair.contains(";")) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String k = queryUnescape(eq < 0 ? pair : pair.substring(0, eq));
                String v = eq < 0 ? "" : queryUnescape(pair.substring(eq + 1));
                out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            } catch (IllegalArgumentException e) {
                // ParseQuery skips a pair it cannot unescape.
            }
        }
        return out;
    }

    private static String queryUnescape(String s) {
        return unescape(s.replace('+', ' '), false);
    }
}
