package io.injectordoctor.checks.pods;

import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.Finding;
import io.injectordoctor.checks.Severity;
import io.injectordoctor.checks.Subjects;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.decision.HookEvaluation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pods the reference decision would inject that run without istio-proxy: usually created before
 * their namespace was labelled or the webhook existed, or admitted while a failurePolicy Ignore
 * hook could not reach the injector.
 */
public final class PodMissingSidecar implements Check {
    public static final String ID = "ID0601";

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
            if (!v.decision().inject() || v.pod().hasProxy()) {
                continue;
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("hooks", v.decision().matchedHooks().stream().map(HookEvaluation::qualifiedName).toList());
            evidence.put("reason", v.decision().decisive().code().name());
            evidence.put("created", v.pod().meta().creationTimestamp());
            evidence.put("fix", PodVerdicts.recreate(snapshot, v.pod()));
            out.add(new Finding(ID, Severity.WARNING, Subjects.of("Pod", v.pod().meta()),
                    "should have the sidecar but runs without istio-proxy: " + v.decision().decisive().message(), evidence));
        }
        return out;
    }
}
