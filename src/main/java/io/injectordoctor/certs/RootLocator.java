package io.injectordoctor.certs;

import io.injectordoctor.report.BundleProblem;
import io.injectordoctor.report.RunbookDigest;
import io.injectordoctor.report.SourceAttempt;
import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.mesh.RootSource;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.model.ConfigMapInfo;
import io.injectordoctor.model.SecretInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the mesh root where the installed layout keeps it, in a fixed order: the legacy injector's
 * secret, the published configmap, istiod's self-signed CA secret, the plugged-in CA secret. An
 * explicit file wins over all of them. Pure: the file's text is read by the caller.
 */
public final class RootLocator {
    /** A root certificate file given by the user; {@code text} is its content. */
    public record GivenRoot(String path, String text) {
    }

    private RootLocator() {
    }

    public static RootLookup locate(ClusterSnapshot snapshot, Optional<GivenRoot> override) {
        List<RootSource> candidates = IstioLayout.rootSources(snapshot.istioNamespace());
        List<SourceAttempt> attempts = new ArrayList<>();
        if (override.isPresent()) {
            GivenRoot o = override.get();
            RootSource file = RootSource.file(o.path());
            ParsedCertificates certs = BundleParser.parsePem(o.text());
            boolean usable = !certs.certificates().isEmpty();
            attempts.add(new SourceAttempt(file.describe(), usable ? SourceAttempt.Outcome.USED
                    : SourceAttempt.Outcome.UNUSABLE, usable ? "given with --root-cert" : problems(certs)));
            candidates.forEach(c -> attempts.add(new SourceAttempt(c.describe(), SourceAttempt.Outcome.NOT_CONSULTED,
                    "--root-cert overrides the cluster's sources")));
            return usable ? new RootLookup(file, certs, RunbookDigests.ofFile(o.text(), o.path()), attempts)
                    : new RootLookup(null, null, null, attempts);
        }
        RootLookup found = null;
        for (RootSource c : candidates) {
            if (found != null) {
                attempts.add(new SourceAttempt(c.describe(), SourceAttempt.Outcome.NOT_CONSULTED,
                        "the root was already found in " + found.source().describe()));
                continue;
            }
            ResourceKind kind = c.kind() == RootSource.Kind.SECRET ? ResourceKind.SECRET : ResourceKind.CONFIGMAP;
            String skip = skipReason(snapshot, kind, c.namespace());
            if (skip != null) {
                attempts.add(new SourceAttempt(c.describe(), SourceAttempt.Outcome.SKIPPED, skip));
                continue;
            }
            Optional<String> pem = entry(snapshot, c);
            if (pem.isEmpty()) {
                attempts.add(new SourceAttempt(c.describe(), SourceAttempt.Outcome.ABSENT, absentReason(snapshot, c)));
                continue;
            }
            ParsedCertificates certs = BundleParser.parsePem(pem.get());
            if (certs.certificates().isEmpty()) {
                attempts.add(new SourceAttempt(c.describe(), SourceAttempt.Outcome.UNUSABLE, problems(certs)));
                continue;
            }
            attempts.add(new SourceAttempt(c.describe(), SourceAttempt.Outcome.USED, "first source that holds a certificate"));
            RunbookDigest digest = c.kind() == RootSource.Kind.SECRET
                    ? RunbookDigests.ofSecretEntry(pem.get(), c.namespace(), c.name(), c.key())
                    : RunbookDigests.ofConfigMapEntry(pem.get(), c.namespace(), c.name(), c.key());
            found = new RootLookup(c, certs, digest, List.of());
        }
        return found == null ? new RootLookup(null, null, null, attempts)
                : new RootLookup(found.source(), found.certificates(), found.runbookDigest(), attempts);
    }

    private static String skipReason(ClusterSnapshot s, ResourceKind kind, String ns) {
        String why = s.unreadable().get(kind);
        if (why != null) {
            return kind.resource() + " could not be read: " + why;
        }
        if (!s.isLoaded(kind)) {
            return kind.resource() + " in " + ns + " were not loaded (not in the snapshot?)";
        }
        return null;
    }

    private static Optional<String> entry(ClusterSnapshot s, RootSource c) {
        if (c.kind() == RootSource.Kind.SECRET) {
            return s.secret(c.namespace(), c.name()).map(SecretInfo::certificates).map(m -> m.get(c.key()));
        }
        return s.configMap(c.namespace(), c.name()).map(ConfigMapInfo::data).map(m -> m.get(c.key()));
    }

    private static String absentReason(ClusterSnapshot s, RootSource c) {
        boolean objectExists = c.kind() == RootSource.Kind.SECRET
                ? s.secret(c.namespace(), c.name()).isPresent()
                : s.configMap(c.namespace(), c.name()).isPresent();
        return objectExists ? "no certificate entry '" + c.key() + "'" : "not found";
    }

    private static String problems(ParsedCertificates certs) {
        return certs.problems().stream().map(BundleProblem::detail).reduce((a, b) -> a + "; " + b)
                .orElse("no certificate");
    }
}
