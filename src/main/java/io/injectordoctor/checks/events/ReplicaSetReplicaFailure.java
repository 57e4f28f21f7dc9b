package io.injectordoctor.checks.events;

import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
import io.injectordoctor.checks.Subjects;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.model.Condition;
import io.injectordoctor.model.WorkloadInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ReplicaSets whose ReplicaFailure condition names an injection webhook: the controller cannot
 * create pods, which outlives the events that reported it.
 */
public final class ReplicaSetReplicaFailure implements Check {
    
    @Override
    public String id() {
        return "ID0902";
    }


    @Override
    public List<Finding> run(CheckContext context) {
        ClusterSnapshot snapshot = context.snapshot();
        List<Finding> out = new ArrayList<>();
        for (WorkloadInfo w : snapshot.workloads()) {
            if (!"ReplicaSet".equals(w.kind()) || w.status() == null) {
                continue;
            }
            for (Condition c : w.status().conditions()) {
                if (!"ReplicaFailure".equals(c.type()) || !"True".equals(c.status())) {
                    continue;
                }
                if (!AdmissionError.aboutInjection(c.message())) {
                    continue;
                }
                Optional<String> hook = AdmissionError.injectionWebhook(c.message());
                AdmissionError cause = AdmissionError.classify(c.message());
                if (cause == AdmissionError.NATIVE_SIDECAR_UNSUPPORTED
                        && !InjectedWorkload.couldBe(context, "ReplicaSet", w.meta().namespace(), w.meta().name())) {
                    continue;
                }
                Map<String, Object> evidence = new LinkedHashMap<>();
                evidence.put("webhook", hook.orElse(null));
                evidence.put("cause", cause.code());
                evidence.put("doc", cause.doc());
                evidence.put("reason", c.reason());
                evidence.put("since", c.lastTransition());
                evidence.put("condition", c.message());
                out.add(new Finding(id(), Severity.ERROR, Subjects.of("ReplicaSet", w.meta()), cause.describe(hook.orElse(null), ""),
                        evidence));
            }
        }
        return out;
    }
}
