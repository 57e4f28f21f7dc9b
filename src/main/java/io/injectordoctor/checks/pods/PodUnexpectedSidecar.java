package io.injectordoctor.checks.pods;

import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.Finding;
import io.injectordoctor.checks.Severity;
import io.injectordoctor.checks.Subjects;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pods that run istio-proxy although the reference decision would not inject them today: injected
 * before an opt-out, or by hand ({@code istioctl kube-inject}).
 */
public final class PodUnexpectedSidecar implements Check {
    public static final String ID = "ID0602";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<ResourceKind> reads() {
        return PodVerdicts.READS;
    }

    @Override
    public List<Finding> run(ClusterSnapshot snapshot) {
        List<Finding> out = new ArrayList<>();
        for (PodVerdicts.Verdict v : PodVerdicts.mismatches(snapshot)) {
            if (v.decision().inject() || !v.pod().hasProxy()) {
                continue;
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("reason", v.decision().decisive().code().name());
            evidence.put("statusAnnotation", v.pod().hasStatusAnnotation());
            evidence.put("created", v.pod().meta().creationTimestamp());
            evidence.put("fix", PodVerdicts.recreate(snapshot, v.pod()));
            out.add(new Finding(ID, Severity.WARNING, Subjects.of("Pod", v.pod().meta()),
                    "runs istio-proxy, but would not be injected today: " + v.decision().decisive().message(), evidence));
        }
        return out;
    }
}
