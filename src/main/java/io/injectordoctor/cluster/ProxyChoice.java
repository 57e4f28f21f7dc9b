package io.injectordoctor.cluster;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * The proxy kubectl would use for the API server: the cluster's proxy-url when set, else
 * HTTPS_PROXY or HTTP_PROXY (by the server's scheme) unless NO_PROXY exempts the server, never
 * for localhost or a loopback address. Go's rules (golang.org/x/net/http/httpproxy/proxy.go,
 * Config.proxyForURL, useProxy, domainMatch), which client-go uses through
 * http.ProxyFromEnvironment (client-go transport/cache.go); proxy-url schemes as
 * client-go tools/clientcmd/validation.go parseProxyURL allows them.
 */
final class ProxyChoice {
    static final Set<String> SCHEMES = Set.of("http", "https", "socks5");

    private ProxyChoice() {
    }

    /** The proxy for {@code server}, or null for a direct connection. */
    static URI forServer(URI server, String proxyUrl, Environment env, String where) {
        if (proxyUrl != null && !proxyUrl.isEmpty()) {
            return parse(proxyUrl, "proxy-url of " + where, true);
        }
        String fromEnv = "https".equalsIgnoreCase(server.getScheme()) ? env.either("HTTPS_PROXY")
                : "http".equalsIgnoreCase(server.getScheme()) && env.get("REQUEST_METHOD") == null ? env.either("HTTP_PROXY")
                : null;
        if (fromEnv == null || !useProxy(server, env.either("NO_PROXY"))) {
            return null;
        }
        return parse(fromEnv, "https".equalsIgnoreCase(server.getScheme()) ? "HTTPS_PROXY" : "HTTP_PROXY", false);
    }

    private static URI parse(String text, String what, boolean strict) {
        URI u;
        try {
            u = new URI(text);
            if (!strict && (u.getScheme() == null || u.getHost() == null)) {
                u = new URI("http://" + text);
            }
        } catch (URISyntaxException e) {
            throw new DoctorException(ExitCode.DATA, what + " '" + Redact.urls(text) + "' is not a URL");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("socks5h")) {
            scheme = "socks5";
        }
        if (!SCHEMES.contains(scheme) || u.getHost() == null) {
            throw new DoctorException(ExitCode.DATA, what + " '" + Redact.urls(text)
                    + "' is not a proxy URL (http://, https:// or socks5:// with a host)");
        }
        return u;
    }

    static boolean useProxy(URI server, String noProxy) {
        String host = server.getHost() == null ? "" : server.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = server.getPort() >= 0 ? server.getPort() : "https".equalsIgnoreCase(server.getScheme()) ? 443 : 80;
        if (host.equals("localhost")) {
            return false;
        }
        InetAddress ip = literal(host);
        if (ip != null && ip.isLoopbackAddress()) {
            return false;
        }
        if (noProxy == null) {
            return true;
        }
        for (String raw : noProxy.split(",", -1)) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                return false;
            }
            if (entry.contains("/")) {
                if (ip != null && inCidr(ip, entry)) {
                    return false;
                }
                continue;
            }
            String entryHost = entry;
            int entryPort = -1;
            int colon = entry.lastIndexOf(':');
            if (colon > 0 && entry.indexOf(':') == colon && !entry.endsWith("]")) {
                try {
                    entryPort = Integer.parseInt(entry.substring(colon + 1));
                    entryHost = entry.substring(0, colon);
                } catch (NumberFormatException e) {
                    continue;
                }
            }
            if (entryHost.startsWith("[") && entryHost.endsWith("]")) {
                entryHost = entryHost.substring(1, entryHost.length() - 1);
            }
            if (entryPort >= 0 && entryPort != port) {
                continue;
            }
            InetAddress entryIp = literal(entryHost);
            if (entryIp != null) {
                if (entryIp.equals(ip)) {
                    return false;
                }
                continue;
            }
            if (entryHost.startsWith("*.")) {
                entryHost = entryHost.substring(1);
            }
            boolean matchHost = !entryHost.startsWith(".");
            String suffix = matchHost ? "." + entryHost : entryHost;
            if (host.endsWith(suffix) || (matchHost && host.equals(entryHost))) {
                return false;
            }
        }
        return true;
    }

    /** An IP address written as one, without a DNS lookup; null for a name. */
    static InetAddress literal(String host) {
        if (host.isEmpty() || !(host.contains(":") || host.matches("[0-9.]+"))) {
            return null;
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean inCidr(InetAddress ip, String cidr) {
        int slash = cidr.indexOf('/');
        InetAddress net = literal(cidr.substring(0, slash));
        int bits;
        try {
            bits = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (net == null || net.getAddress().length != ip.getAddress().length) {
            return false;
        }
        int total = ip.getAddress().length * 8;
        if (bits < 0 || bits > total) {
            return false;
        }
        BigInteger mask = BigInteger.ONE.shiftLeft(total).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(total - bits).subtract(BigInteger.ONE));
        return new BigInteger(1, ip.getAddress()).and(mask).equals(new BigInteger(1, net.getAddress()).and(mask));
    }
}
