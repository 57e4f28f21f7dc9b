package io.injectordoctor.checks.events;

import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
import io.injectordoctor.checks.Subjects;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.model.EventInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * FailedCreate events (kept by the API server for about an hour) whose message names an injection
 * webhook: pods that could not be created because the call to the injector failed, classified.
 */
public final class AdmissionFailureEvents implements Check {
    
    @Override
    public String id() {
        return "ID0901";
    }


    @Override
    public List<Finding> run(CheckContext context) {
        ClusterSnapshot snapshot = context.snapshot();
        List<Finding> out = new ArrayList<>();
        List<EventInfo> events = snapshot.events().stream()
                .filter(e -> "FailedCreate".equals(e.reason()))
                .sorted(Comparator.comparing((EventInfo e) -> String.valueOf(e.involvedNamespace()))
                        .thenComparing(e -> String.valueOf(e.involvedName())))
                .toList();
        for (EventInfo e : events) {
            Optional<String> hook = AdmissionError.injectionWebhook(e.message());
            if (hook.isEmpty()) {
                continue;
            }
            AdmissionError cause = AdmissionError.classify(e.message());
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("webhook", hook.get());
            evidence.put("cause", cause.code());
            evidence.put("count", e.count());
            evidence.put("lastSeen", e.lastSeen());
            evidence.put("event", e.message());
            String times = e.count() > 1 ? e.count() + " times: " : "";
            out.add(new Finding(id(), Severity.ERROR, Subjects.of(e.involvedKind(), e.involvedNamespace(), e.involvedName()),
                    cause.describe(hook.get(), times), evidence));
        }
        return out;
    }
}
