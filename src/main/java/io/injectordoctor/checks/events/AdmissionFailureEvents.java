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
    
    /** "17 times from F to L: ", "17 times, last at L: ", "at L: ". */
    static String when(EventInfo e) {
        boolean span = e.firstSeen() != null && e.lastSeen() != null && !e.firstSeen().equals(e.lastSeen());
        if (e.count() > 1) {
            return e.count() + " times" + (span ? " from " + e.firstSeen() + " to " + e.lastSeen()
                    : e.lastSeen() == null ? "" : ", last at " + e.lastSeen()) + ": ";
        }
        return e.lastSeen() == null ? "" : "at " + e.lastSeen() + ": ";
    }

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
            if (!AdmissionError.aboutInjection(e.message())) {
                continue;
            }
            Optional<String> hook = AdmissionError.injectionWebhook(e.message());
            AdmissionError cause = AdmissionError.classify(e.message());
            if (cause == AdmissionError.NATIVE_SIDECAR_UNSUPPORTED
                    && !InjectedWorkload.couldBe(context, e.involvedKind(), e.involvedNamespace(), e.involvedName())) {
                continue;
            }
            Optional<String> past = EventAge.pastBecause(context, e);
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("webhook", hook.orElse(null));
            evidence.put("cause", cause.code());
            evidence.put("doc", cause.doc());
            evidence.put("count", e.count());
            evidence.put("firstSeen", e.firstSeen());
            evidence.put("lastSeen", e.lastSeen());
            evidence.put("past", past.orElse(null));
            evidence.put("event", e.message());
            String when = when(e);
            String message = cause.describe(hook.orElse(null), when);
            // A past failure is said, not counted: check turns green once the fix has worked.
            out.add(new Finding(id(), past.isPresent() ? Severity.INFO : Severity.ERROR,
                    Subjects.of(e.involvedKind(), e.involvedNamespace(), e.involvedName()),
                    past.map(p -> "past, " + p + ": " + message).orElse(message), evidence));
        }
        return out;
    }
}
