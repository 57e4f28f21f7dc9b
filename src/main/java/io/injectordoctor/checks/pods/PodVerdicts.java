package io.injectordoctor.checks.pods;

import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.decision.AdmissionOutcome;
import io.injectordoctor.decision.Decision;
import io.injectordoctor.decision.ReasonCode;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.model.ProxyObservation;
import java.util.Optional;

/**
 * Whether a pod disagrees with the reference verdict, from the decision engine, held against the
 * proxy the pod runs (see {@link ProxyObservation}): only a proxy the injector placed counts as
 * injected (a gateway left on {@code image: auto} does not); the mesh's own proxies are never
 * injected, by design, and never disagree. Pods whose injector config is missing or unreadable get
 * no verdict: the injector-config checks own that; nor do pods the API server would refuse now or
 * whose admission cannot be decided (ID0202, ID0504 and explain say why).
 */
public final class PodVerdicts {
    private PodVerdicts() {
    }

    record Verdict(PodInfo pod, Decision decision, ProxyObservation proxy) {
    }

    /**
     * The one rule of explain and check: true when the pod runs what the reference verdict says, null
     * when there is no verdict to hold it against (the admission is refused or unknown).
     */
    public static Boolean consistent(Decision d, ProxyObservation proxy) {
        if (d.admission() != AdmissionOutcome.CALLED && d.admission() != AdmissionOutcome.NOT_CALLED) {
            return null;
        }
        if (proxy.meshInfrastructure()) {
            return true;
        }
        return d.inject() == proxy.runsInjectedProxy();
    }

    /** The pod's verdict when it disagrees with what the pod runs; empty when they agree or no verdict is possible. */
    static Optional<Verdict> mismatch(CheckContext context, PodInfo pod) {
        Decision d = context.decide(pod);
        if (d.has(ReasonCode.INJECTOR_CONFIG_MISSING) || d.has(ReasonCode.INJECTOR_CONFIG_UNPARSEABLE)) {
            return Optional.empty();
        }
        ProxyObservation proxy = ProxyObservation.of(pod);
        return Boolean.FALSE.equals(consistent(d, proxy)) ? Optional.of(new Verdict(pod, d, proxy)) : Optional.empty();
    }

    static java.util.List<io.injectordoctor.report.Advice> recreate(CheckContext context, PodInfo pod) {
        return io.injectordoctor.checks.Recreation.of(context.snapshot(), pod);
    }
}
