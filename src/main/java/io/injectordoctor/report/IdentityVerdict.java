package io.injectordoctor.report;

import java.util.List;

/**
 * The real comparison of a caBundle with the mesh root: by DER SHA-256 fingerprint, so it holds
 * whatever the line breaks, PEM layout or bundle order. Also says whether the runbook's md5
 * digests agree, so a differing md5 with matching certificates can be explained.
 */
public record IdentityVerdict(Status status, List<String> matched, List<String> rootsMissingFromBundle,
        List<String> otherBundleCerts, Boolean runbookDigestsEqual, String detail) {

    public enum Status {
        /** Every root certificate is in the bundle, and nothing else. */
        MATCH,
        /** Every root certificate is in the bundle, next to other certificates. */
        MATCH_WITH_EXTRA,
        /** Some, not all, root certificates are in the bundle (a root in rotation). */
        PARTIAL,
        /** No root certificate is in the bundle. */
        NO_MATCH,
        /** The bundle holds no usable certificate. */
        BUNDLE_UNUSABLE,
        /** The root could not be found, so nothing was compared. */
        ROOT_UNKNOWN
    }

    public IdentityVerdict {
        matched = List.copyOf(matched);
        rootsMissingFromBundle = List.copyOf(rootsMissingFromBundle);
        otherBundleCerts = List.copyOf(otherBundleCerts);
    }

}
