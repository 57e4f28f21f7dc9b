package io.injectordoctor.certs;

import io.injectordoctor.report.ServedChainVerdict;
import io.injectordoctor.report.Validity;
import io.injectordoctor.report.CertIdentity;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Verifies a served chain the way the API server's Go TLS client does: a signature walk from the
 * leaf to a certificate of the caBundle (through served intermediates that are CAs), the leaf's DNS
 * names against {@code <service>.<namespace>.svc}, the server-auth key usage, and validity in time.
 * Pure: the chain comes from TlsProbe or a test.
 */
public final class ServedChainVerifier {
    static final String UNKNOWN_AUTHORITY = "x509: certificate signed by unknown authority";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String ANY_USAGE = "2.5.29.37.0";
    private static final int MAX_DEPTH = 10;

    private ServedChainVerifier() {
    }

    public static ServedChainVerdict verify(ProbeOutcome outcome, List<X509Certificate> bundle, String dnsName,
            Instant now, Duration warning) {
        if (outcome instanceof ProbeOutcome.NotProbed np) {
            return ServedChainVerdict.notVerified(ServedChainVerdict.Status.NOT_PROBED, np.address(), dnsName, np.reason());
        }
        if (outcome instanceof ProbeOutcome.Failed f) {
            return ServedChainVerdict.notVerified(ServedChainVerdict.Status.PROBE_FAILED, f.address(), dnsName, f.reason());
        }
        ProbeOutcome.Served served = (ProbeOutcome.Served) outcome;
        List<X509Certificate> chain = served.chain();
        if (chain.isEmpty()) {
            return ServedChainVerdict.notVerified(ServedChainVerdict.Status.PROBE_FAILED, served.address(), dnsName,
                    "the server sent no certificate");
        }
        X509Certificate leaf = chain.get(0);
        List<String> problems = new ArrayList<>();

        List<Validity> validity = new ArrayList<>();
        String timeError = null;
        for (int i = 0; i < chain.size(); i++) {
            Validity v = Validities.of(i == 0 ? "served leaf" : "served chain #" + i, CertIdentities.of(chain.get(i)), now, warning);
            validity.add(v);
            if (v.status() == Validity.Status.EXPIRED || v.status() == Validity.Status.NOT_YET_VALID) {
                problems.add((i == 0 ? "the served certificate " : "served chain certificate " + v.subject() + " ")
                        + v.describe());
                if (timeError == null) {
                    timeError = "x509: certificate has expired or is not yet valid: current time " + now
                            + (v.status() == Validity.Status.EXPIRED ? " is after " + v.notAfter()
                                    : " is before " + v.notBefore());
                }
            }
        }

        String nameError = nameError(leaf, dnsName);
        if (nameError != null) {
            problems.add("the served certificate does not carry the name " + dnsName
                    + " (it has: " + String.join(", ", CertIdentities.of(leaf).dnsNames()) + ")");
        }
        String usageError = usageError(leaf);
        if (usageError != null) {
            problems.add("the served certificate is not for server authentication (extended key usage)");
        }

        Walk walk = walk(chain, bundle);
        if (walk.anchor == null) {
            problems.add(walk.reason);
        } else if (!walk.anchorInChain) {
            Validity av = Validities.of("caBundle anchor", CertIdentities.of(walk.anchor), now, warning);
            if (av.status() == Validity.Status.EXPIRED || av.status() == Validity.Status.NOT_YET_VALID) {
                problems.add("the caBundle certificate that signs the chain " + av.describe());
                if (timeError == null) {
                    timeError = "x509: certificate has expired or is not yet valid: current time " + now
                            + " is outside the validity of " + av.subject();
                }
            }
        }

        ServedChainVerdict.Status status;
        String apiError;
        if (timeError != null) {
            status = ServedChainVerdict.Status.OUT_OF_DATE;
            apiError = timeError;
        } else if (nameError != null) {
            status = ServedChainVerdict.Status.NAME_MISMATCH;
            apiError = nameError;
        } else if (walk.anchor == null) {
            status = ServedChainVerdict.Status.UNTRUSTED;
            apiError = UNKNOWN_AUTHORITY;
        } else if (usageError != null) {
            status = ServedChainVerdict.Status.UNTRUSTED;
            apiError = usageError;
        } else {
            status = ServedChainVerdict.Status.OK;
            apiError = null;
        }
        List<CertIdentity> ids = chain.stream().map(CertIdentities::of).toList();
        return new ServedChainVerdict(status, served.address(), dnsName, ids,
                walk.anchor == null ? null : CertIdentities.fingerprint(walk.anchor), walk.anchor != null,
                nameError == null, validity, problems, apiError);
    }

    /** Go's name check: case-insensitive, a wildcard only as the whole leftmost label, SANs only. */
    static String nameError(X509Certificate leaf, String dnsName) {
        if (dnsName == null) {
            return null;
        }
        List<String> names = CertIdentities.of(leaf).dnsNames();
        if (names.isEmpty()) {
            return "x509: certificate is not valid for any names, but wanted to match " + dnsName;
        }
        for (String n : names) {
            if (matches(n, dnsName)) {
                return null;
            }
        }
        return "x509: certificate is valid for " + String.join(", ", names) + ", not " + dnsName;
    }

    static boolean matches(String pattern, String host) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        if (p.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot).equals(p.substring(1));
        }
        return p.equals(h);
    }

    private static String usageError(X509Certificate leaf) {
        try {
            List<String> eku = leaf.getExtendedKeyUsage();
            if (eku != null && !eku.contains(SERVER_AUTH) && !eku.contains(ANY_USAGE)) {
                return "x509: certificate specifies an incompatible key usage";
            }
        } catch (CertificateParsingException e) {
            return "x509: cannot parse the extended key usage: " + e.getMessage();
        }
        return null;
    }

    private record Walk(X509Certificate anchor, boolean anchorInChain, String reason) {
    }

    private static Walk walk(List<X509Certificate> chain, List<X509Certificate> bundle) {
        if (bundle.isEmpty()) {
            return new Walk(null, false, "the caBundle holds no certificate to verify the chain with");
        }
        Set<String> anchors = new HashSet<>();
        bundle.forEach(b -> anchors.add(CertIdentities.fingerprint(b)));
        X509Certificate current = chain.get(0);
        Set<X509Certificate> used = new HashSet<>();
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            used.add(current);
            if (anchors.contains(CertIdentities.fingerprint(current))) {
                return new Walk(current, true, null);
            }
            for (X509Certificate b : bundle) {
                if (signedBy(current, b)) {
                    return new Walk(b, false, null);
                }
            }
            X509Certificate next = null;
            for (X509Certificate c : chain) {
                if (!used.contains(c) && c.getBasicConstraints() >= 0 && signedBy(current, c)) {
                    next = c;
                    break;
                }
            }
            if (next == null) {
                return new Walk(null, false, "the served chain ends at issuer '"
                        + CertIdentities.name(current.getIssuerX500Principal()) + "', which is not in the caBundle and"
                        + " signed by none of its certificates");
            }
            current = next;
        }
        return new Walk(null, false, "the served chain is longer than " + MAX_DEPTH + " certificates");
    }

    private static boolean signedBy(X509Certificate cert, X509Certificate issuer) {
        if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
