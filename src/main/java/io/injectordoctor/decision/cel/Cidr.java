package io.injectordoctor.decision.cel;

import java.util.Arrays;

/**
 * A network prefix as net/netip {@code ParsePrefix} reads it: an address without zone, '/', and a
 * decimal length without leading zeros, the host bits kept as written until {@link #masked()}.
 */
final class Cidr {
    final IpAddress address;
    final int bits;

    Cidr(IpAddress address, int bits) {
        this.address = address;
        this.bits = bits;
    }

    static Cidr parse(String s) {
        int slash = s.lastIndexOf('/');
        if (slash < 0) {
            throw error(s, "no '/'");
        }
        IpAddress a;
        try {
            a = IpAddress.parse(s.substring(0, slash));
        } catch (LibraryError e) {
            throw error(s, e.getMessage());
        }
        if (!a.zone.isEmpty()) {
            throw error(s, "IPv6 zones cannot be present in a prefix");
        }
        String b = s.substring(slash + 1);
        boolean digits = !b.isEmpty() && b.length() <= 3 && b.chars().allMatch(c -> c >= '0' && c <= '9')
                && !(b.length() > 1 && b.charAt(0) == '0');
        if (!digits) {
            throw error(s, "bad bits after slash: " + IpAddress.quote(b));
        }
        int n = Integer.parseInt(b);
        if (n > a.bytes.length * 8) {
            throw error(s, "prefix length out of range");
        }
        return new Cidr(a, n);
    }

    private static LibraryError error(String s, String msg) {
        return new LibraryError("netip.ParsePrefix(" + IpAddress.quote(s) + "): " + msg);
    }

    /** netip {@code Prefix.Masked}: the host bits cleared. */
    Cidr masked() {
        byte[] b = address.bytes.clone();
        for (int i = 0; i < b.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - 8 * i));
            b[i] = (byte) (b[i] & (0xff << (8 - keep)));
        }
        return new Cidr(new IpAddress(b, ""), bits);
    }

    /** netip {@code Prefix.Contains}: same family, no zone, and the first {@code bits} bits equal. */
    boolean contains(IpAddress ip) {
        if (ip.bytes.length != address.bytes.length || !ip.zone.isEmpty()) {
            return false;
        }
        return masked().equals(new Cidr(ip, bits).masked());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.bits == bits && c.address.equals(address);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(address.bytes) * 31 + bits;
    }

    @Override
    public String toString() {
        return address + "/" + bits;
    }
}
