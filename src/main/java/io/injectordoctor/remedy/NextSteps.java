package io.injectordoctor.remedy;

import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.report.HookRef;
import io.injectordoctor.report.InjectorTarget;
import io.injectordoctor.report.RestartRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What to do when the restart did not clear the problem: one line per cause, with the command. */
public final class NextSteps {
    static final String LEGACY_HOOK = IstioLayout.LEGACY_HOOK;

    private NextSteps() {
    }

    public static List<String> forRollout(InjectorTarget t, RolloutWaiter.Outcome outcome) {
        String ns = "kubectl -n " + t.namespace() + " ";
        return switch (outcome) {
            case READY -> List.of();
            case TIMED_OUT -> List.of("The rollout may still be going on: follow it with " + ns
                    + "rollout status deployment/" + t.name() + ", then run the checks again.");
            case PROGRESS_DEADLINE_EXCEEDED -> List.of("Find why the new pods do not become ready: " + ns
                    + "describe deployment/" + t.name() + " and " + ns + "get pods -l " + selector(t.podSelector()) + ".",
                    "To go back to the previous pods: " + ns + "rollout undo deployment/" + t.name() + ".");
            case DELETED -> List.of("The Deployment was deleted during the rollout: reinstall the control plane.");
        };
    }

    /** One line per cause the checks still see after the restart. */
    public static List<String> forProblems(InjectorTarget t, RestartRecord.Judgement after) {
        Set<String> out = new LinkedHashSet<>();
        String ns = "kubectl -n " + t.namespace() + " ";
        for (RestartRecord.Check c : after.checks()) {
            if (c.status() != RestartRecord.Status.PROBLEM) {
                continue;
            }
            if (c.id().equals(InjectorJudge.ENDPOINTS) || c.id().equals(InjectorJudge.PODS)) {
                out.add("The injector pods are not ready: look at why with " + ns + "get pods -l " + selector(t.podSelector())
                        + ", " + ns + "describe pods -l " + selector(t.podSelector()) + " and " + ns + "logs deployment/"
                        + t.name() + ".");
            } else if (c.id().equals(InjectorJudge.CA_BUNDLE)) {
                Set<String> configs = InjectorJudge.configurations(c);
                for (HookRef h : t.hooks()) {
                    if (configs.isEmpty() || configs.contains(h.configName())) {
                        out.add(caBundleAdvice(t, h));
                    }
                }
            } else if (c.id().equals(InjectorJudge.SERVICE)) {
                out.add("The hooks call a service that does not exist or lacks the port they call: reinstall the"
                        + " control plane (istioctl install, or Helm) or fix the hooks' clientConfig.service.");
            } else if (c.id().equals(InjectorJudge.WEBHOOKS)) {
                out.add("There is no injection webhook left: reinstall the control plane (istioctl install, or Helm).");
            }
        }
        return new ArrayList<>(out);
    }

    /** The restart was made; whether it worked is not known. Restarting again would only restart again. */
    public static List<String> forUnknownOutcome(InjectorTarget t, Instant patched) {
        String ns = "kubectl -n " + t.namespace() + " ";
        return List.of("The restart was made at " + patched + "; do not restart again. Follow it with " + ns
                + "rollout status deployment/" + t.name() + ", then check the injector with injector-doctor check.");
    }

    static String caBundleAdvice(InjectorTarget t, HookRef h) {
        if (t.legacy()) {
            if (!LEGACY_HOOK.equals(h.hookName())) {
                return "The legacy injector patches the caBundle of the hook named exactly " + LEGACY_HOOK + " only; "
                        + h.hookId() + " is never patched: set its caBundle by hand or rename the hook.";
            }
            return "The legacy injector writes the caBundle of " + h.hookId() + " from secret "
                    + IstioLayout.LEGACY_SECRET + " when it starts: check its logs (kubectl -n " + t.namespace()
                    + " logs deployment/" + t.name() + ") and that the secret holds the current root.";
        }
        if (h.configRevision() == null) {
            return "istiod patches the caBundle only of MutatingWebhookConfigurations labelled istio.io/rev; "
                    + h.configName() + " has no such label: kubectl label mutatingwebhookconfiguration " + h.configName()
                    + " istio.io/rev=" + t.revision() + " (or reinstall it with istioctl or Helm).";
        }
        if (!h.configRevision().equals(t.revision())) {
            return h.configName() + " is labelled istio.io/rev=" + h.configRevision() + " but the restarted istiod is revision "
                    + t.revision() + ": restart the injector of revision " + h.configRevision()
                    + " (--revision " + h.configRevision() + ") or fix the label.";
        }
        return "istiod should have patched the caBundle of " + h.hookId() + ": look for webhook patcher errors in kubectl -n "
                + t.namespace() + " logs deployment/" + t.name() + ", and compare the bundle with the root"
                + " (injector-doctor check-certs).";
    }

    static String selector(Map<String, String> labels) {
        return labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
