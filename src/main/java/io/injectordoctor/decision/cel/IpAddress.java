package io.injectordoctor.decision.cel;

import java.util.Arrays;

/**
 * An IP address as Go's net/netip parses and prints it ({@code ParseAddr}, {@code Addr.String}):
 * IPv4 in four decimal fields without leading zeros, IPv6 in hexadecimal groups with one "::" and
 * an optional dotted IPv4 tail, and a zone after '%'. Printed in canonical form: IPv6 lower case
 * with the longest run of two or more zero groups shortened to "::". No name is ever resolved.
 */
final class IpAddress {
    final byte[] bytes;
    final String zone;

    IpAddress(byte[] bytes, String zone) {
        this.bytes = bytes;
        this.zone = zone;
    }

    boolean is4() {
        return bytes.length == 4;
    }

    boolean is4In6() {
        if (bytes.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    static IpAddress parse(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                return new IpAddress(parse4(s, s), "");
            }
            if (c == ':') {
                return parse6(s);
            }
            if (c == '%') {
                throw error(s, "missing IPv6 address");
            }
        }
        throw error(s, "unable to parse IP");
    }

    static byte[] parse4(String s, String whole) {
        byte[] out = new byte[4];
        int field = 0;
        int val = 0;
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits == 1 && val == 0) {
                    throw error(whole, "IPv4 field has octet with leading zero");
                }
                val = val * 10 + (c - '0');
                digits++;
                if (val > 255) {
                    throw error(whole, "IPv4 field has value >255");
                }
            } else if (c == '.') {
                if (digits == 0) {
                    throw error(whole, "IPv4 field must have at least one digit");
                }
                if (field == 3) {
                    throw error(whole, "IPv4 address too long");
                }
                out[field++] = (byte) val;
                val = 0;
                digits = 0;
            } else {
                throw error(whole, "unexpected character");
            }
        }
        if (digits == 0) {
            throw error(whole, "IPv4 field must have at least one digit");
        }
        if (field < 3) {
            throw error(whole, "IPv4 address too short");
        }
        out[3] = (byte) val;
        return out;
    }

    private static IpAddress parse6(String in) {
        String s = in;
        String zone = "";
        int pct = s.indexOf('%');
        if (pct >= 0) {
            zone = s.substring(pct + 1);
            s = s.substring(0, pct);
            if (zone.isEmpty()) {
                throw error(in, "zone must be a non-empty string");
            }
        }
        byte[] ip = new byte[16];
        int ellipsis = -1;
        int i = 0;
        if (s.startsWith("::")) {
            ellipsis = 0;
            s = s.substring(2);
            if (s.isEmpty()) {
                return new IpAddress(ip, zone);
            }
        }
        int pos = 0;
        while (i < 16) {
            int off = 0;
            int acc = 0;
            while (off < s.length() - pos && off < 5) {
                char c = s.charAt(pos + off);
                int d = Character.digit(c, 16);
                if (d < 0 || c > 'f') {
                    break;
                }
                acc = acc * 16 + d;
                off++;
            }
            if (off > 4) {
                throw error(in, "each group must have 4 or less digits");
            }
            if (off == 0) {
                throw error(in, "each colon-separated field must have at least one digit");
            }
            if (pos + off < s.length() && s.charAt(pos + off) == '.') {
                if (ellipsis < 0 && i != 12) {
                    throw error(in, "embedded IPv4 address must replace the final 2 fields of the address");
                }
                if (i + 4 > 16) {
                    throw error(in, "too many hex fields to fit an embedded IPv4 at the end of the address");
                }
                byte[] v4 = parse4(s.substring(pos), in);
                System.arraycopy(v4, 0, ip, i, 4);
                i += 4;
                pos = s.length();
                break;
            }
            ip[i] = (byte) (acc >> 8);
            ip[i + 1] = (byte) acc;
            i += 2;
            pos += off;
            if (pos == s.length()) {
                break;
            }
            if (s.charAt(pos) != ':') {
                throw error(in, "unexpected character, want colon");
            }
            if (pos + 1 == s.length()) {
                throw error(in, "colon must be followed by more characters");
            }
            pos++;
            if (s.charAt(pos) == ':') {
                if (ellipsis >= 0) {
                    throw error(in, "multiple :: in address");
                }
                ellipsis = i;
                pos++;
                if (pos == s.length()) {
                    break;
                }
            }
        }
        if (pos != s.length()) {
            throw error(in, "trailing garbage after address");
        }
        if (i < 16) {
            if (ellipsis < 0) {
                throw error(in, "address string too short");
            }
            int n = 16 - i;
            for (int j = i - 1; j >= ellipsis; j--) {
                ip[j + n] = ip[j];
            }
            Arrays.fill(ip, ellipsis, ellipsis + n, (byte) 0);
        } else if (ellipsis >= 0) {
            throw error(in, "the :: must expand to at least one field of zeros");
        }
        return new IpAddress(ip, zone);
    }

    private static LibraryError error(String in, String msg) {
        return new LibraryError("ParseAddr(" + quote(in) + "): " + msg);
    }

    /** strconv.Quote for the plain strings addresses are made of. */
    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    boolean isUnspecified() {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    boolean isLoopback() {
        if (is4()) {
            return bytes[0] == 127;
        }
        for (int i = 0; i < 15; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[15] == 1;
    }

    boolean isMulticast() {
        return is4() ? (bytes[0] & 0xf0) == 0xe0 : (bytes[0] & 0xff) == 0xff;
    }

    boolean isLinkLocalMulticast() {
        return is4() ? (bytes[0] & 0xff) == 224 && bytes[1] == 0 && bytes[2] == 0
                : (bytes[0] & 0xff) == 0xff && (bytes[1] & 0x0f) == 0x02;
    }

    boolean isLinkLocalUnicast() {
        return is4() ? (bytes[0] & 0xff) == 169 && (bytes[1] & 0xff) == 254
                : (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xc0) == 0x80;
    }

    /** netip {@code IsGlobalUnicast}: not unspecified, broadcast, loopback, multicast or link-local unicast. */
    boolean isGlobalUnicast() {
        if (is4() && (isUnspecified() || Arrays.equals(bytes, new byte[] {-1, -1, -1, -1}))) {
            return false;
        }
        return !isUnspecified() && !isLoopback() && !isMulticast() && !isLinkLocalUnicast();
    }

    @Override
    public String toString() {
        if (is4()) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && group(j) == 0) {
                j++;
            }
            if (j - i >= 2 && j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLen - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            b.append(Integer.toHexString(group(i)));
        }
        return zone.isEmpty() ? b.toString() : b + "%" + zone;
    }

    private int group(int i) {
        return ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress a && Arrays.equals(bytes, a.bytes) && zone.equals(a.zone);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + zone.hashCode();
    }
}
