package io.injectordoctor.certs;

import io.injectordoctor.report.HookReport;
import io.injectordoctor.mesh.IstioLayout;
import java.util.List;

/** The sentences findings share: what the API server does, and how to make the injector re-patch. */
final class Consequences {
    private Consequences() {
    }

    /** What happens to pods when the API server cannot call the hooks, by failurePolicy. */
    static String podEffect(List<HookReport> hooks) {
        boolean fail = hooks.stream().anyMatch(h -> "Fail".equalsIgnoreCase(h.failurePolicy()));
        boolean ignore = hooks.stream().anyMatch(h -> !"Fail".equalsIgnoreCase(h.failurePolicy()));
        String failText = "pod creation fails in the namespaces these hooks select, because failurePolicy is Fail";
        String ignoreText = "pods are created without the sidecar, because failurePolicy is Ignore";
        if (fail && ignore) {
            return failText + " (for the hooks with Ignore, " + ignoreText.replace(", because failurePolicy is Ignore", "") + ")";
        }
        return fail ? failText : ignoreText;
    }

    /** Who writes the caBundle for these hooks and how to make it write again. */
    static String repatch(HookReport h) {
        if (isLegacy(h)) {
            return "The istio-sidecar-injector deployment patches this caBundle from its mounted root-cert.pem:"
                    + " restart it (runbook) with this tool's restart-injector command, which checks first, asks, and"
                    + " waits for the rollout.";
        }
        if (h.revision() == null) {
            return "istiod never patches a configuration without the istio.io/rev label: add it with 'kubectl label"
                    + " mutatingwebhookconfiguration " + h.configuration() + " istio.io/rev=<revision>'"
                    + " (usually 'default'), or set the caBundle yourself.";
        }
        String deployment = serviceName(h) == null ? "istiod" : serviceName(h);
        return "istiod of revision '" + h.revision() + "' patches this caBundle with its root: check the log of"
                + " deployment " + namespace(h) + "/" + deployment + " for webhook patch errors, then restart it with this"
                + " tool's restart-injector command (--revision " + h.revision() + "), which checks first, asks, and"
                + " waits for the rollout.";
    }

    /** The 1.0-1.4 layout: a standalone injector behind the istio-sidecar-injector service. */
    static boolean isLegacy(HookReport h) {
        return IstioLayout.isLegacyInjector(serviceName(h));
    }

    private static String serviceName(HookReport h) {
        return h.target().serviceName();
    }

    private static String namespace(HookReport h) {
        return h.target().serviceNamespace() == null ? "istio-system" : h.target().serviceNamespace();
    }
}
