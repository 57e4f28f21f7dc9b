package io.injectordoctor.certs;

import io.injectordoctor.report.CertReport;
import io.injectordoctor.report.RootReport;
import io.injectordoctor.report.HookReport;
import io.injectordoctor.report.BundleReport;
import io.injectordoctor.report.IdentityVerdict;
import io.injectordoctor.report.ServedChainVerdict;
import io.injectordoctor.report.CertIdentity;
import io.injectordoctor.report.CertFinding;
import io.injectordoctor.report.RunbookDigest;
import io.injectordoctor.report.ProbeTarget;
import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.model.Webhook;
import io.injectordoctor.model.WebhookConfiguration;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * check-certs as a pure function: the snapshot, an optional root file, the probe outcomes the
 * caller collected (see {@link #probeTargets}) and the clock give the report. No I/O here.
 */
public final class CertDiagnosis {
    public static final Duration DEFAULT_EXPIRY_WARNING = Duration.ofDays(30);

    private CertDiagnosis() {
    }

    public static boolean isInjectionHook(Webhook w) {
        return IstioLayout.patchedByIstiod(w.name());
    }

    public static List<WebhookConfiguration> injectionConfigurations(ClusterSnapshot s) {
        return s.webhookConfigurations().stream()
                .filter(c -> c.webhooks().stream().anyMatch(CertDiagnosis::isInjectionHook)).toList();
    }

    /** The distinct places the injection hooks point at, in order; one TLS probe each. */
    public static Set<ProbeTarget> probeTargets(ClusterSnapshot s) {
        Set<ProbeTarget> targets = new LinkedHashSet<>();
        for (WebhookConfiguration c : injectionConfigurations(s)) {
            c.webhooks().stream().filter(CertDiagnosis::isInjectionHook).map(ProbeTargets::of).forEach(targets::add);
        }
        return targets;
    }

    public static CertReport analyze(ClusterSnapshot s, Optional<RootLocator.GivenRoot> override,
            Map<ProbeTarget, ProbeOutcome> probes, Instant now, Duration expiryWarning) {
        RootLookup lookup = RootLocator.locate(s, override);
        List<CertIdentity> rootIds = lookup.certificates().identities();
        RootReport root = new RootReport(lookup.found() ? lookup.source().describe() : null,
                lookup.found() ? lookup.source().kind().name() : null, rootIds, lookup.runbookDigest(),
                rootIds.stream().map(id -> Validities.of("root", id, now, expiryWarning)).toList(), lookup.attempts());

        List<HookReport> hooks = new ArrayList<>();
        for (WebhookConfiguration c : injectionConfigurations(s)) {
            String rev = c.meta().labels().get(IstioLayout.REV);
            String tag = c.meta().labels().get(IstioLayout.TAG);
            for (int i = 0; i < c.webhooks().size(); i++) {
                Webhook w = c.webhooks().get(i);
                if (isInjectionHook(w)) {
                    hooks.add(hook(c, w, i, rev, tag, root, probes, now, expiryWarning));
                }
            }
        }
        List<CertFinding> findings = CertFindings.of(s, root, hooks, injectionConfigurations(s));
        return CertReport.of(s.source(), s.istioNamespace(), now, expiryWarning.toDays(), root, hooks, findings);
    }

    /** An absent failurePolicy defaults to Fail in admissionregistration/v1, to Ignore in v1beta1. */
    static String failurePolicy(WebhookConfiguration c, Webhook w) {
        if (w.failurePolicy() != null) {
            return w.failurePolicy();
        }
        return c.apiVersion() != null && c.apiVersion().endsWith("v1beta1") ? "Ignore" : "Fail";
    }

    private static HookReport hook(WebhookConfiguration c, Webhook w, int index, String rev, String tag,
            RootReport root, Map<ProbeTarget, ProbeOutcome> probes, Instant now, Duration warning) {
        String caBundle = w.clientConfig() == null ? null : w.clientConfig().caBundle();
        ParsedCertificates parsed = BundleParser.parseCaBundle(caBundle);
        List<CertIdentity> ids = parsed.identities();
        RunbookDigest digest = RunbookDigests.ofCaBundle(caBundle, c.name(), index);
        BundleReport bundle = new BundleReport(caBundle == null ? 0 : caBundle.length(), digest, ids,
                parsed.problems(), ids.stream().map(id -> Validities.of("caBundle", id, now, warning)).toList());
        IdentityVerdict identity = IdentityComparison.compare(ids, root.certificates(), digest.md5(),
                root.runbookDigest() == null ? null : root.runbookDigest().md5());
        ProbeTarget target = ProbeTargets.of(w);
        ProbeOutcome outcome = probes.getOrDefault(target,
                new ProbeOutcome.NotProbed(null, "no TLS probe was made for " + target.describe()));
        List<X509Certificate> anchors = parsed.certificates();
        ServedChainVerdict served = ServedChainVerifier.verify(outcome, anchors, target.dnsName(), now, warning);
        return new HookReport(c.name(), w.name(), index, rev, tag, target, failurePolicy(c, w), bundle, identity,
                served);
    }
}
