package io.injectordoctor.checks.workloads;

import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.checks.PodCheck;
import io.injectordoctor.checks.Subjects;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.decision.AdmissionOutcome;
import io.injectordoctor.decision.Decision;
import io.injectordoctor.decision.InjectionSubject;
import io.injectordoctor.decision.Refusal;
import io.injectordoctor.model.OwnerRef;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.model.WorkloadInfo;
import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API server would refuse to create the pods of a workload (or a bare pod again) at an
 * injection hook: an invalid selector it reaches, a matchCondition that fails under failurePolicy
 * Fail. Reported once per top-level workload; a pod whose controller the snapshot does not hold is
 * reported itself (so that explain pods, which reads no workloads, says it too). When whether the
 * hook is called cannot be decided here, that is said, as information.
 */
public final class PodCreationRefused implements PodCheck {
    @Override
    public String id() {
        return "ID0504";
    }

    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> out = new ArrayList<>();
        ClusterSnapshot s = context.snapshot();
        if (Workloads.KINDS.stream().allMatch(s::isLoaded)) {
            for (WorkloadInfo w : Workloads.topLevel(s)) {
                if (w.templateMeta() != null && w.templateSpec() != null) {
                    judge(context.decide(w.meta().namespace(), InjectionSubject.of(w)), Workloads.subject(w), "its pods", out);
                }
            }
        }
        out.addAll(PodCheck.super.run(context));
        return out;
    }

    @Override
    public List<Finding> judge(CheckContext context, PodInfo pod) {
        ClusterSnapshot s = context.snapshot();
        boolean ownerKnown = pod.meta().owners().stream().filter(OwnerRef::controller)
                .anyMatch(o -> s.workload(o.kind(), pod.meta().namespace(), o.name()).isPresent());
        if (ownerKnown && s.isLoaded(ResourceKind.REPLICASET)) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        judge(context.decide(pod), Subjects.of("Pod", pod.meta()), "this pod, if it is re-created,", out);
        return out;
    }

    private void judge(Decision d, String subject, String what, List<Finding> out) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        if (d.admission() == AdmissionOutcome.REFUSED && d.refusal() != null) {
            Refusal r = d.refusal();
            evidence.put("hook", r.hook());
            evidence.put("httpCode", r.httpCode());
            evidence.put("reason", r.statusReason());
            evidence.put("rule", r.code().name());
            evidence.put("message", r.message());
            out.add(new Finding(id(), Severity.ERROR, subject, "the API server refuses to create " + what + " at hook "
                    + r.hook() + " (" + r.status() + "): " + r.message(), evidence));
        } else if (d.admission() == AdmissionOutcome.UNKNOWN) {
            String why = d.decisive() == null ? "see explain" : d.decisive().message();
            evidence.put("reason", d.decisive() == null ? null : d.decisive().code().name());
            out.add(new Finding(id(), Severity.INFO, subject, "whether the API server calls the injector for " + what
                    + " cannot be decided here: " + why, evidence));
        }
    }
}
