package io.injectordoctor.certs;

import java.security.cert.X509Certificate;
import java.util.List;

/** What a TLS handshake with the injector gave: the served chain, a failure, or no attempt. */
public sealed interface ProbeOutcome {
    /** The address actually dialled (after a port-forward: the local end), or a note. */
    String address();

    /** The handshake completed; {@code chain} is leaf first, exactly as served. */
    record Served(String address, List<X509Certificate> chain, String protocol) implements ProbeOutcome {
        public Served {
            chain = List.copyOf(chain);
        }
    }

    /** Connecting or the handshake failed. */
    record Failed(String address, String reason) implements ProbeOutcome {
    }

    /** No probe was made (e.g. --no-probe, a snapshot, no ready pod); {@code reason} says why. */
    record NotProbed(String address, String reason) implements ProbeOutcome {
    }
}
