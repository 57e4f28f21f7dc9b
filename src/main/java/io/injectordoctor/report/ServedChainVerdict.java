package io.injectordoctor.report;

import java.util.List;

/**
 * The API server's view of the injector: was the served chain trusted by the caBundle, does the
 * leaf carry the service DNS name, and is every certificate in time. {@code apiServerError} is the
 * error the API server would report first (Go's order: leaf validity, name, then trust), or null.
 */
public record ServedChainVerdict(Status status, String address, String dnsName, List<CertIdentity> chain,
        String trustedBy, boolean trusted, boolean nameMatches, List<Validity> validity, List<String> problems,
        String apiServerError) {

    public enum Status {
        /** Trusted, right name, in time (an expiring certificate is still OK, with a validity warning). */
        OK,
        /** The leaf or a chain certificate is expired or not yet valid. */
        OUT_OF_DATE,
        /** The leaf does not carry the service DNS name. */
        NAME_MISMATCH,
        /** No path from the leaf to a certificate of the caBundle. */
        UNTRUSTED,
        /** The handshake did not complete. */
        PROBE_FAILED,
        /** No handshake was attempted. */
        NOT_PROBED
    }

    public ServedChainVerdict {
        chain = List.copyOf(chain);
        validity = List.copyOf(validity);
        problems = List.copyOf(problems);
    }

    public static ServedChainVerdict notVerified(Status status, String address, String dnsName, String reason) {
        return new ServedChainVerdict(status, address, dnsName, List.of(), null, false, false, List.of(),
                List.of(reason), null);
    }
}
