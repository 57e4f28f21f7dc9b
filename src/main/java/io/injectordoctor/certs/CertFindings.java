package io.injectordoctor.certs;

import io.injectordoctor.report.RootReport;
import io.injectordoctor.report.HookReport;
import io.injectordoctor.report.Validity;
import io.injectordoctor.report.CertFinding;
import io.injectordoctor.report.SourceAttempt;
import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.model.WebhookConfiguration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the root and hook reports into findings: root-level ones once, configuration-level ones
 * once per configuration, and bundle/served-chain ones once per group of hooks that share a
 * configuration, a caBundle and a target (istiod's hooks usually all do). ERRORs come first.
 */
final class CertFindings {
    private CertFindings() {
    }

    static List<CertFinding> of(io.injectordoctor.cluster.ClusterSnapshot s, RootReport root, List<HookReport> hooks,
            List<WebhookConfiguration> configs) {
        List<CertFinding> out = new ArrayList<>();
        if (configs.isEmpty()) {
            out.add(CertFinding.warning("NO_INJECTION_WEBHOOK", "mutatingwebhookconfigurations",
                    "no MutatingWebhookConfiguration has a hook whose name ends with '"
                            + IstioLayout.PATCHED_HOOK_SUFFIX + "': there is no caBundle to check",
                    "Check that this is the cluster you meant (--context) and that Istio's injector is installed."));
        }
        rootFindings(root, out);
        for (WebhookConfiguration c : configs) {
            unlabelled(c, hooks, out);
        }
        Map<String, List<HookReport>> groups = hooks.stream().collect(Collectors.groupingBy(
                h -> h.configuration() + "\u0000" + h.bundle().runbookDigest().md5() + "\u0000" + h.target(),
                LinkedHashMap::new, Collectors.toList()));
        for (List<HookReport> group : groups.values()) {
            long inConfig = hooks.stream().filter(h -> h.configuration().equals(group.get(0).configuration())).count();
            List<CertFinding> found = new ArrayList<>();
            HookFindings.of(group, subject(group, inConfig), root, found);
            List<String> names = group.stream().map(HookReport::hook).toList();
            found.forEach(f -> out.add(f.withHooks(names)));
        }
        out.sort(Comparator.comparing(CertFinding::severity));
        return out;
    }

    private static String subject(List<HookReport> group, long hooksInConfig) {
        String base = "mutatingwebhookconfiguration/" + group.get(0).configuration();
        if (group.size() == hooksInConfig) {
            return base + (group.size() == 1 ? " hook " + group.get(0).hook() : " (all " + group.size() + " injection hooks)");
        }
        return base + " hooks " + group.stream().map(HookReport::hook).collect(Collectors.joining(", "));
    }

    private static void rootFindings(RootReport root, List<CertFinding> out) {
        List<SourceAttempt> skipped = root.attempts().stream()
                .filter(a -> a.outcome() == SourceAttempt.Outcome.SKIPPED).toList();
        String subject = root.source() == null ? "mesh root" : "mesh root (" + root.source() + ")";
        if (!skipped.isEmpty()) {
            String which = skipped.stream().map(SourceAttempt::source).collect(Collectors.joining("; "));
            String why = skipped.stream().map(SourceAttempt::reason).distinct().collect(Collectors.joining("; "));
            String message = "root sources skipped: " + which + ": " + why;
            String fix = "Grant read access to these objects to compare with them, or give the root with --root-cert FILE.";
            out.add(root.source() == null ? CertFinding.warning("ROOT_SOURCES_SKIPPED", subject, message, fix)
                    : CertFinding.info("ROOT_SOURCES_SKIPPED", subject, message + "; the root came from " + root.source(), fix));
        }
        if (root.source() == null) {
            String tried = root.attempts().stream().map(a -> a.source() + ": " + a.reason())
                    .collect(Collectors.joining("; "));
            out.add(CertFinding.warning("ROOT_NOT_FOUND", subject,
                    "no source held the mesh root, so no caBundle could be compared with it (" + tried + ")",
                    "Give the root with --root-cert FILE, e.g. from 'kubectl -n istio-system get configmap"
                            + " istio-ca-root-cert -o jsonpath='{.data.root-cert\\.pem}' > root.pem'."));
            return;
        }
        for (Validity v : root.validity()) {
            switch (v.status()) {
                case EXPIRED, NOT_YET_VALID -> out.add(CertFinding.error("ROOT_CERT_" + v.status(), subject,
                        "the mesh root " + v.subject() + " " + v.describe() + ": nothing it signs verifies,"
                                + " and the API server reports 'x509: certificate has expired or is not yet valid'",
                        "Rotate the mesh root CA (see Istio's 'plugin CA certificates' and root rotation docs)."));
                case EXPIRING_SOON -> out.add(CertFinding.warning("ROOT_CERT_EXPIRING", subject,
                        "the mesh root " + v.subject() + " " + v.describe(),
                        "Plan the root rotation before it expires (Istio docs: root CA rotation)."));
                case VALID -> {
                }
            }
        }
    }

    private static void unlabelled(WebhookConfiguration c, List<HookReport> hooks, List<CertFinding> out) {
        if (c.meta().labels().containsKey(IstioLayout.REV)) {
            return;
        }
        String subject = "mutatingwebhookconfiguration/" + c.name();
        boolean legacy = hooks.stream().anyMatch(h -> h.configuration().equals(c.name()) && Consequences.isLegacy(h));
        if (legacy) {
            out.add(CertFinding.info("WEBHOOK_NOT_PATCHED_BY_ISTIOD", subject,
                    "no istio.io/rev label, so istiod never patches its caBundle; in this legacy layout the"
                            + " istio-sidecar-injector deployment patches it by name",
                    "No action while the legacy injector runs; label it istio.io/rev=<revision> when moving to istiod."));
            return;
        }
        out.add(CertFinding.warning("WEBHOOK_NOT_PATCHED_BY_ISTIOD", subject,
                "it has injection hooks but no istio.io/rev label, so istiod never patches its caBundle: after the"
                        + " next root rotation the API server reports 'x509: certificate signed by unknown authority'"
                        + " for these hooks",
                "Label it with the revision whose istiod serves it: 'kubectl label mutatingwebhookconfiguration "
                        + c.name() + " istio.io/rev=<revision>' (usually 'default')."));
    }
}
