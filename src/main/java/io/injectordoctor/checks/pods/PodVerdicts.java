package io.injectordoctor.checks.pods;

import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.decision.AdmissionOutcome;
import io.injectordoctor.decision.Decision;
import io.injectordoctor.decision.ReasonCode;
import io.injectordoctor.model.PodInfo;
import java.util.Optional;

/**
 * Whether a pod disagrees with the reference verdict, from the decision engine. Pods whose
 * injector config is missing or unreadable get no verdict: the injector-config checks own that;
 * nor do pods the API server would refuse now or whose admission cannot be decided (ID0202 and
 * explain say why).
 */
final class PodVerdicts {
    private PodVerdicts() {
    }

    record Verdict(PodInfo pod, Decision decision) {
    }

    /** The pod's verdict when it disagrees with what the pod runs; empty when they agree or no verdict is possible. */
    static Optional<Verdict> mismatch(CheckContext context, PodInfo pod) {
        return Optional.of(context.decide(pod))
                // A refused or undecided admission gives no verdict to hold the running pod against.
                .filter(d -> d.admission() == AdmissionOutcome.CALLED || d.admission() == AdmissionOutcome.NOT_CALLED)
                .filter(d -> d.inject() != pod.hasProxy())
                .filter(d -> !d.has(ReasonCode.INJECTOR_CONFIG_MISSING) && !d.has(ReasonCode.INJECTOR_CONFIG_UNPARSEABLE))
                .map(d -> new Verdict(pod, d));
    }

    static java.util.List<io.injectordoctor.report.Advice> recreate(CheckContext context, PodInfo pod) {
        return io.injectordoctor.checks.Recreation.of(context.snapshot(), pod);
    }
}
