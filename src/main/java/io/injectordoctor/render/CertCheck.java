package io.injectordoctor.render;

import java.util.List;

/** The checks check-certs reports, each a statement, with the finding codes that can fail it. */
public enum CertCheck {
    ROOT_FOUND("the mesh root certificate is found", "ROOT_NOT_FOUND", "ROOT_SOURCES_SKIPPED"),
    ROOT_VALID("the mesh root is within its validity", "ROOT_CERT_EXPIRED", "ROOT_CERT_NOT_YET_VALID",
            "ROOT_CERT_EXPIRING"),
    WEBHOOKS_FOUND("injection webhooks are installed", "NO_INJECTION_WEBHOOK"),
    PATCHED_BY_ISTIOD("istiod keeps the caBundle up to date (istio.io/rev label)", "WEBHOOK_NOT_PATCHED_BY_ISTIOD"),
    BUNDLE_USABLE("the caBundle holds usable certificates", "CA_BUNDLE_EMPTY", "CA_BUNDLE_NOT_BASE64",
            "CA_BUNDLE_NOT_PEM", "CA_BUNDLE_NO_CERTIFICATE", "CA_BUNDLE_IGNORED_BLOCKS", "CA_BUNDLE_HOLDS_PRIVATE_KEY"),
    BUNDLE_HAS_ROOT("the caBundle contains the mesh root", "CA_BUNDLE_ROOT_MISSING", "CA_BUNDLE_ROOT_PARTIAL",
            "CA_BUNDLE_EXTRA_CERTS", "CA_BUNDLE_LAYOUT_DIFFERS"),
    BUNDLE_VALID("the caBundle's certificates are within their validity", "CA_BUNDLE_CERT_EXPIRED",
            "CA_BUNDLE_CERT_NOT_YET_VALID", "CA_BUNDLE_CERT_EXPIRING"),
    SERVED_TRUSTED("the injector serves a certificate the caBundle trusts", "SERVED_CHAIN_UNTRUSTED",
            "SERVED_CHAIN_NAME_MISMATCH", "SERVED_CHAIN_OUT_OF_DATE", "SERVED_CERT_EXPIRING", "PROBE_FAILED",
            "PROBE_SKIPPED");

    private final String description;
    @SuppressWarnings("ImmutableEnumChecker") // an unmodifiable copy, made in the constructor
    private final List<String> codes;

    CertCheck(String description, String... codes) {
        this.description = description;
        this.codes = List.of(codes);
    }

    public String description() {
        return description;
    }

    public List<String> codes() {
        return codes;
    }

    public static CertCheck of(String code) {
        for (CertCheck c : values()) {
            if (c.codes.contains(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no check for finding code " + code);
    }
}
