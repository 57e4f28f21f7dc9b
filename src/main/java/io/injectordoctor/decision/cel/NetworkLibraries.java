package io.injectordoctor.decision.cel;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;

/**
 * k8s.io/apiserver pkg/cel/library/ip.go and cidr.go (Kubernetes 1.30): {@code ip},
 * {@code isIP}, {@code ip.isCanonical}, {@code family}, the {@code is...} tests and
 * {@code string(ip)}; {@code cidr}, {@code isCIDR}, {@code containsIP}, {@code containsCIDR},
 * {@code ip()}, {@code masked}, {@code prefixLength} and {@code string(cidr)}. Zones and
 * IPv4-mapped IPv6 addresses are refused, as there. {@code containsCIDR} is computed as cidr.go
 * computes it (the receiver masked, compared with the argument's address at the receiver's
 * length, unmasked), so {@code cidr('10.0.0.0/8').containsCIDR('10.1.0.0/16')} is false there
 * and here, whatever the comment above that function says.
 */
final class NetworkLibraries implements Library {
    @Override
    public int since() {
        return 30;
    }

    @Override
    public List<CelFunctionDecl> declarations() {
        var ip = Types.IP;
        var cidr = Types.CIDR;
        return List.of(
                CelFunctionDecl.newFunctionDeclaration("ip",
                        CelOverloadDecl.newGlobalOverload("string_to_ip", ip, SimpleType.STRING),
                        CelOverloadDecl.newMemberOverload("cidr_ip", ip, cidr)),
                CelFunctionDecl.newFunctionDeclaration("family", CelOverloadDecl.newMemberOverload("ip_family", SimpleType.INT, ip)),
                CelFunctionDecl.newFunctionDeclaration("ip.isCanonical",
                        CelOverloadDecl.newGlobalOverload("ip_is_canonical", SimpleType.BOOL, SimpleType.STRING)),
                CelFunctionDecl.newFunctionDeclaration("isUnspecified",
                        CelOverloadDecl.newMemberOverload("ip_is_unspecified", SimpleType.BOOL, ip)),
                CelFunctionDecl.newFunctionDeclaration("isLoopback",
                        CelOverloadDecl.newMemberOverload("ip_is_loopback", SimpleType.BOOL, ip)),
                CelFunctionDecl.newFunctionDeclaration("isLinkLocalMulticast",
                        CelOverloadDecl.newMemberOverload("ip_is_link_local_multicast", SimpleType.BOOL, ip)),
                CelFunctionDecl.newFunctionDeclaration("isLinkLocalUnicast",
                        CelOverloadDecl.newMemberOverload("ip_is_link_local_unicast", SimpleType.BOOL, ip)),
                CelFunctionDecl.newFunctionDeclaration("isGlobalUnicast",
                        CelOverloadDecl.newMemberOverload("ip_is_global_unicast", SimpleType.BOOL, ip)),
                CelFunctionDecl.newFunctionDeclaration("isIP", CelOverloadDecl.newGlobalOverload("is_ip", SimpleType.BOOL, SimpleType.STRING)),
                CelFunctionDecl.newFunctionDeclaration("string",
                        CelOverloadDecl.newGlobalOverload("ip_to_string", SimpleType.STRING, ip),
                        CelOverloadDecl.newGlobalOverload("cidr_to_string", SimpleType.STRING, cidr)),
                CelFunctionDecl.newFunctionDeclaration("cidr", CelOverloadDecl.newGlobalOverload("string_to_cidr", cidr, SimpleType.STRING)),
                CelFunctionDecl.newFunctionDeclaration("containsIP",
                        CelOverloadDecl.newMemberOverload("cidr_contains_ip_string", SimpleType.BOOL, cidr, SimpleType.STRING),
                        CelOverloadDecl.newMemberOverload("cidr_contains_ip_ip", SimpleType.BOOL, cidr, ip)),
                CelFunctionDecl.newFunctionDeclaration("containsCIDR",
                        CelOverloadDecl.newMemberOverload("cidr_contains_cidr_string", SimpleType.BOOL, cidr, SimpleType.STRING),
                        CelOverloadDecl.newMemberOverload("cidr_contains_cidr", SimpleType.BOOL, cidr, cidr)),
                CelFunctionDecl.newFunctionDeclaration("prefixLength",
                        CelOverloadDecl.newMemberOverload("cidr_prefix_length", SimpleType.INT, cidr)),
                CelFunctionDecl.newFunctionDeclaration("masked", CelOverloadDecl.newMemberOverload("cidr_masked", cidr, cidr)),
                CelFunctionDecl.newFunctionDeclaration("isCIDR", CelOverloadDecl.newGlobalOverload("is_cidr", SimpleType.BOOL, SimpleType.STRING)));
    }

    @Override
    public List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("string_to_ip", String.class, NetworkLibraries::ip),
                CelFunctionBinding.from("cidr_ip", Cidr.class, c -> c.address),
                CelFunctionBinding.from("ip_family", IpAddress.class, a -> a.is4() ? 4L : 6L),
                CelFunctionBinding.from("ip_is_canonical", String.class, s -> ip(s).toString().equals(s)),
                CelFunctionBinding.from("ip_is_unspecified", IpAddress.class, IpAddress::isUnspecified),
                CelFunctionBinding.from("ip_is_loopback", IpAddress.class, IpAddress::isLoopback),
                CelFunctionBinding.from("ip_is_link_local_multicast", IpAddress.class, IpAddress::isLinkLocalMulticast),
                CelFunctionBinding.from("ip_is_link_local_unicast", IpAddress.class, IpAddress::isLinkLocalUnicast),
                CelFunctionBinding.from("ip_is_global_unicast", IpAddress.class, IpAddress::isGlobalUnicast),
                CelFunctionBinding.from("is_ip", String.class, s -> valid(() -> ip(s))),
                CelFunctionBinding.from("ip_to_string", IpAddress.class, IpAddress::toString),
                CelFunctionBinding.from("cidr_to_string", Cidr.class, Cidr::toString),
                CelFunctionBinding.from("string_to_cidr", String.class, NetworkLibraries::cidr),
                CelFunctionBinding.from("cidr_contains_ip_string", Cidr.class, String.class, (c, s) -> c.contains(ip(s))),
                CelFunctionBinding.from("cidr_contains_ip_ip", Cidr.class, IpAddress.class, Cidr::contains),
                CelFunctionBinding.from("cidr_contains_cidr_string", Cidr.class, String.class,
                        (c, s) -> containsCidr(c, cidr(s))),
                CelFunctionBinding.from("cidr_contains_cidr", Cidr.class, Cidr.class, NetworkLibraries::containsCidr),
                CelFunctionBinding.from("cidr_prefix_length", Cidr.class, c -> (long) c.bits),
                CelFunctionBinding.from("cidr_masked", Cidr.class, Cidr::masked),
                CelFunctionBinding.from("is_cidr", String.class, s -> valid(() -> parseCidr(s))));
    }

    /** ip.go {@code parseIPAddr}, with {@code stringToIP}'s wording. */
    static IpAddress ip(String raw) {
        IpAddress a;
        try {
            a = IpAddress.parse(raw);
        } catch (LibraryError e) {
            throw new LibraryError("IP Address " + IpAddress.quote(raw) + " parse error during conversion from string: "
                    + e.getMessage());
        }
        if (!a.zone.isEmpty()) {
            throw new LibraryError("IP address " + IpAddress.quote(raw) + " with zone value is not allowed");
        }
        if (a.is4In6()) {
            throw new LibraryError("IPv4-mapped IPv6 address " + IpAddress.quote(raw) + " is not allowed");
        }
        return a;
    }

    /** cidr.go {@code parseCIDR}. */
    static Cidr parseCidr(String raw) {
        Cidr c;
        try {
            c = Cidr.parse(raw);
        } catch (LibraryError e) {
            throw new LibraryError("network address parse error during conversion from string: " + e.getMessage());
        }
        if (c.address.is4In6()) {
            throw new LibraryError("IPv4-mapped IPv6 address " + IpAddress.quote(raw) + " is not allowed");
        }
        return c;
    }

    /** cidr.go {@code stringToCIDR} wraps parseCIDR's error once more. */
    static Cidr cidr(String raw) {
        try {
            return parseCidr(raw);
        } catch (LibraryError e) {
            throw new LibraryError("network address parse error during conversion from string: " + e.getMessage());
        }
    }

    /** cidr.go {@code cidrContainsCIDR}, as written. */
    static boolean containsCidr(Cidr c, Cidr other) {
        return c.masked().equals(new Cidr(other.address, c.bits)) && c.bits <= other.bits;
    }

    private static boolean valid(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (LibraryError e) {
            return false;
        }
    }
}
