package io.injectordoctor.certs;

import io.injectordoctor.report.RootReport;
import io.injectordoctor.report.HookReport;
import io.injectordoctor.report.BundleReport;
import io.injectordoctor.report.BundleProblem;
import io.injectordoctor.report.IdentityVerdict;
import io.injectordoctor.report.ServedChainVerdict;
import io.injectordoctor.report.Validity;
import io.injectordoctor.report.CertIdentity;
import io.injectordoctor.report.CertFinding;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Findings for one group of hooks sharing a configuration, a caBundle and a target. */
final class HookFindings {
    private static final String UNKNOWN_AUTHORITY = "'" + ServedChainVerifier.UNKNOWN_AUTHORITY + "'";

    private HookFindings() {
    }

    static void of(List<HookReport> group, String subject, RootReport root, List<CertFinding> out) {
        HookReport h = group.get(0);
        String effect = Consequences.podEffect(group);
        String repatch = Consequences.repatch(h);
        bundle(h, subject, effect, repatch, out);
        identity(h, subject, effect, repatch, root, out);
        validity(h, subject, root, out);
        served(h, subject, effect, repatch, out);
    }

    private static void bundle(HookReport h, String subject, String effect, String repatch, List<CertFinding> out) {
        BundleReport b = h.bundle();
        String details = b.problems().stream().map(BundleProblem::detail).collect(Collectors.joining("; "));
        boolean noCert = b.certificates().isEmpty();
        if (has(b, BundleProblem.Kind.EMPTY)) {
            out.add(CertFinding.error("CA_BUNDLE_EMPTY", subject, "the caBundle is empty: the API server falls back to"
                    + " its own trust store and reports " + UNKNOWN_AUTHORITY + "; " + effect, repatch));
        } else if (has(b, BundleProblem.Kind.BAD_BASE64)) {
            out.add(CertFinding.error("CA_BUNDLE_NOT_BASE64", subject, details + ": the API server refuses to store"
                    + " such an object, so this dump is damaged or hand-edited; no working caBundle means "
                    + UNKNOWN_AUTHORITY + " and " + effect,
                    "Compare with the live object: " + b.runbookDigest().command() + ". " + repatch));
        } else if (has(b, BundleProblem.Kind.NOT_PEM)) {
            out.add(CertFinding.error("CA_BUNDLE_NOT_PEM", subject, "the caBundle decodes to bytes without a PEM block:"
                    + " the API server cannot load it ('unable to load root certificates: unable to parse bytes as PEM"
                    + " block') and cannot verify the injector, the same outcome as " + UNKNOWN_AUTHORITY + "; " + effect,
                    repatch));
        } else if (noCert) {
            out.add(CertFinding.error("CA_BUNDLE_NO_CERTIFICATE", subject, "the caBundle holds no usable certificate ("
                    + details + "): the API server cannot load it ('unable to load root certificates') and cannot"
                    + " verify the injector, the same outcome as " + UNKNOWN_AUTHORITY + "; " + effect, repatch));
        } else if (!b.problems().isEmpty()) {
            out.add(CertFinding.info("CA_BUNDLE_IGNORED_BLOCKS", subject, "the API server ignores part of the caBundle: "
                    + details, "Keep only CERTIFICATE blocks in the caBundle."));
        }
        if (b.problems().stream().anyMatch(p -> p.kind() == BundleProblem.Kind.NOT_CERTIFICATE
                && p.detail().contains("PRIVATE KEY"))) {
            out.add(CertFinding.warning("CA_BUNDLE_HOLDS_PRIVATE_KEY", subject, "the caBundle contains a private key"
                    + " block, readable by anyone who may read MutatingWebhookConfigurations (its content was not read)",
                    "Set the caBundle to the root certificate only, and treat that key as compromised: rotate it."));
        }
    }

    private static void identity(HookReport h, String subject, String effect, String repatch, RootReport root,
            List<CertFinding> out) {
        IdentityVerdict v = h.identity();
        boolean servedOk = h.servedChain().status() == ServedChainVerdict.Status.OK;
        String crossCheck = root.runbookDigest() == null ? "" : " Runbook cross-check (both print the same md5 once"
                + " fixed): " + h.bundle().runbookDigest().command() + " ; " + root.runbookDigest().command();
        switch (v.status()) {
            case NO_MATCH -> {
                String message = "the caBundle does not contain the mesh root from " + root.source();
                if (servedOk) {
                    out.add(CertFinding.warning("CA_BUNDLE_ROOT_MISSING", subject, message + "; the injector's served"
                            + " chain is still trusted by the bundle, so calls work: the root source is probably not the"
                            + " CA that signs the injector's certificate",
                            "Check which CA signs the injector's serving certificate and pass it with --root-cert FILE."));
                } else {
                    out.add(CertFinding.error("CA_BUNDLE_ROOT_MISSING", subject, message + ": the API server cannot"
                            + " verify an injector certificate signed by that root and reports " + UNKNOWN_AUTHORITY
                            + "; " + effect, repatch + crossCheck));
                }
            }
            case PARTIAL -> out.add(CertFinding.warning("CA_BUNDLE_ROOT_PARTIAL", subject, v.detail()
                    + " (a root in rotation?): certificates signed by the missing ones fail with " + UNKNOWN_AUTHORITY,
                    repatch));
            case MATCH_WITH_EXTRA -> out.add(CertFinding.info("CA_BUNDLE_EXTRA_CERTS", subject, v.detail()
                    + "; the API server trusts all of them", "None needed, unless a certificate there should no longer"
                    + " be trusted."));
            case MATCH -> {
                if (Boolean.FALSE.equals(v.runbookDigestsEqual())) {
                    out.add(CertFinding.info("CA_BUNDLE_LAYOUT_DIFFERS", subject, "the runbook's md5 values differ ("
                            + h.bundle().runbookDigest().md5() + " vs " + root.runbookDigest().md5() + ") but the"
                            + " certificates are identical: " + v.detail(), "None needed."));
                }
            }
            case BUNDLE_UNUSABLE, ROOT_UNKNOWN -> {
                // already reported as a bundle problem or ROOT_NOT_FOUND
            }
        }
    }

    private static void validity(HookReport h, String subject, RootReport root, List<CertFinding> out) {
        Set<String> rootFps = root.certificates().stream().map(CertIdentity::sha256).collect(Collectors.toSet());
        List<Validity> all = h.bundle().validity();
        boolean anyUsable = all.stream().anyMatch(v -> v.status() == Validity.Status.VALID
                || v.status() == Validity.Status.EXPIRING_SOON);
        for (Validity v : all) {
            if (rootFps.contains(v.sha256())) {
                continue; // the root's own findings say it once
            }
            switch (v.status()) {
                case EXPIRED, NOT_YET_VALID -> {
                    String message = "caBundle certificate " + v.subject() + " " + v.describe();
                    String fix = "Replace it: the bundle should hold the current mesh root.";
                    out.add(anyUsable ? CertFinding.warning("CA_BUNDLE_CERT_" + v.status(), subject, message, fix)
                            : CertFinding.error("CA_BUNDLE_CERT_" + v.status(), subject, message + ": the API server"
                                    + " reports 'x509: certificate has expired or is not yet valid'", fix));
                }
                case EXPIRING_SOON -> out.add(CertFinding.warning("CA_BUNDLE_CERT_EXPIRING", subject,
                        "caBundle certificate " + v.subject() + " " + v.describe(), "Rotate it before it expires."));
                case VALID -> {
                }
            }
        }
    }

    private static void served(HookReport h, String subject, String effect, String repatch, List<CertFinding> out) {
        ServedChainVerdict v = h.servedChain();
        String where = "the injector at " + v.address() + " (" + h.target().describe() + ")";
        String problems = String.join("; ", v.problems());
        switch (v.status()) {
            case UNTRUSTED, NAME_MISMATCH, OUT_OF_DATE -> out.add(CertFinding.error("SERVED_CHAIN_" + v.status(),
                    subject, where + " serves a certificate the API server rejects (" + problems + "): it reports '"
                            + v.apiServerError() + "', and " + effect, repatch));
            case PROBE_FAILED -> out.add(CertFinding.warning("PROBE_FAILED", subject, "no TLS handshake with " + where
                    + ": " + problems + "; the served chain was not verified",
                    "Check that the injector pods are ready and its service has endpoints, or give"
                            + " --injector-address HOST:PORT."));
            case NOT_PROBED -> out.add(CertFinding.info("PROBE_SKIPPED", subject, "the served chain was not verified: "
                    + problems, "Run against the live cluster, or give --injector-address HOST:PORT."));
            case OK -> v.validity().stream().filter(x -> x.status() == Validity.Status.EXPIRING_SOON).forEach(x ->
                    out.add(CertFinding.warning("SERVED_CERT_EXPIRING", subject, x.role() + " " + x.subject() + " "
                            + x.describe(), "The injector renews its certificate itself; if it does not: " + repatch)));
        }
    }

    private static boolean has(BundleReport b, BundleProblem.Kind kind) {
        return b.problems().stream().anyMatch(p -> p.kind() == kind);
    }
}
