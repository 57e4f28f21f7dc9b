package io.injectordoctor.certs;

import io.injectordoctor.report.CertIdentity;
import io.injectordoctor.report.IdentityVerdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The real comparison of a caBundle with the mesh root: by DER SHA-256 fingerprint, so it holds
 * whatever the line breaks, PEM layout or bundle order.
 */
public final class IdentityComparison {
    private IdentityComparison() {
    }

    /**
     * Compares the bundle's certificates with the root's. Either digest may be null when unknown.
     */
    public static IdentityVerdict compare(List<CertIdentity> bundle, List<CertIdentity> root,
            String bundleMd5, String rootMd5) {
        Boolean digestsEqual = (bundleMd5 == null || rootMd5 == null) ? null : bundleMd5.equals(rootMd5);
        if (root.isEmpty()) {
            return new IdentityVerdict(IdentityVerdict.Status.ROOT_UNKNOWN, List.of(), List.of(), fingerprints(bundle), digestsEqual,
                    "the root certificate was not found, so the caBundle could not be compared");
        }
        if (bundle.isEmpty()) {
            return new IdentityVerdict(IdentityVerdict.Status.BUNDLE_UNUSABLE, List.of(), fingerprints(root), List.of(), digestsEqual,
                    "the caBundle holds no usable certificate");
        }
        Set<String> bundleFps = new LinkedHashSet<>(fingerprints(bundle));
        Set<String> rootFps = new LinkedHashSet<>(fingerprints(root));
        List<String> matched = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String fp : rootFps) {
            (bundleFps.contains(fp) ? matched : missing).add(fp);
        }
        List<String> others = bundleFps.stream().filter(fp -> !rootFps.contains(fp)).toList();
        IdentityVerdict.Status status;
        String detail;
        if (matched.isEmpty()) {
            status = IdentityVerdict.Status.NO_MATCH;
            detail = "none of the " + bundleFps.size() + " certificate(s) in the caBundle is the root "
                    + root.get(0).label();
        } else if (!missing.isEmpty()) {
            status = IdentityVerdict.Status.PARTIAL;
            detail = matched.size() + " of " + rootFps.size() + " root certificates are in the caBundle";
        } else if (!others.isEmpty()) {
            status = IdentityVerdict.Status.MATCH_WITH_EXTRA;
            detail = "the caBundle holds the root and " + others.size() + " other certificate(s)";
        } else {
            status = IdentityVerdict.Status.MATCH;
            detail = Boolean.FALSE.equals(digestsEqual)
                    ? "same certificate(s); the base64 texts differ only in layout (line breaks, PEM text or order)"
                    : "the caBundle holds exactly the root certificate(s)";
        }
        return new IdentityVerdict(status, matched, missing, others, digestsEqual, detail);
    }

    private static List<String> fingerprints(List<CertIdentity> ids) {
        return ids.stream().map(CertIdentity::sha256).distinct().toList();
    }
}
