package io.injectordoctor.report;

/** Why (part of) a caBundle or a PEM root source cannot be used. */
public record BundleProblem(Kind kind, String detail) {
    public enum Kind {
        /** Nothing at all: the API server falls back to its own system roots. */
        EMPTY,
        /** The text is not base64 (only possible in a dump: the API server rejects it on write). */
        BAD_BASE64,
        /** The decoded bytes hold no PEM block. */
        NOT_PEM,
        /** A PEM block of another type, e.g. a private key; its body is never read. */
        NOT_CERTIFICATE,
        /** A CERTIFICATE block that does not parse as X.509. */
        UNPARSEABLE_CERTIFICATE
    }
}
