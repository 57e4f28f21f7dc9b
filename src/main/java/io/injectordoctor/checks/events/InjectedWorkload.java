package io.injectordoctor.checks.events;

import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.decision.InjectionSubject;
import io.injectordoctor.model.WorkloadInfo;
import java.util.Optional;

/**
 * Whether a failure event's object could have had its pods injected. A rejection of a native sidecar
 * names no webhook: when the workload is known and the reference would not inject its pods, the
 * restartable init container was not Istio's, and the event is not about injection.
 */
final class InjectedWorkload {
    private InjectedWorkload() {
    }

    static boolean couldBe(CheckContext context, String kind, String namespace, String name) {
        if (kind == null || name == null) {
            return true;
        }
        Optional<WorkloadInfo> w = context.snapshot().workload(kind, namespace, name);
        return w.isEmpty() || w.get().templateSpec() == null
                || context.decide(namespace, InjectionSubject.of(w.get())).inject();
    }
}
