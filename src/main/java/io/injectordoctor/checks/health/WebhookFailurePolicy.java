package io.injectordoctor.checks.health;

import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.InjectionHooks;
import io.injectordoctor.checks.InjectorService;
import io.injectordoctor.report.Severity;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each hook's failurePolicy means right now. {@code Fail} with no ready injector: pod creation
 * is blocked. {@code Ignore}: pods start without the sidecar whenever the injector is unavailable,
 * with no error anywhere; with no ready injector, that is happening now.
 */
public final class WebhookFailurePolicy implements Check {
    
    @Override
    public String id() {
        return "ID0803";
    }


    @Override
    public List<Finding> run(CheckContext context) {
        ClusterSnapshot snapshot = context.snapshot();
        List<Finding> out = new ArrayList<>();
        for (InjectionHooks.Hook h : context.activeHooks()) {
            boolean ignore = "Ignore".equals(h.failurePolicy());
            Boolean ready = InjectorService.of(snapshot, h.service())
                    .map(s -> !s.readyAddresses().isEmpty()).orElse(null);
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("failurePolicy", h.failurePolicy());
            evidence.put("injectorReady", ready == null ? "unknown (URL hook)" : ready);
            if (Boolean.FALSE.equals(ready)) {
                out.add(new Finding(id(), Severity.ERROR, h.subject(), ignore
                        ? "failurePolicy Ignore and no ready injector: pods it selects are starting without the sidecar now"
                        : "failurePolicy Fail and no ready injector: creation of the pods it selects is blocked", evidence));
            } else if (ignore) {
                out.add(new Finding(id(), Severity.WARNING, h.subject(), "failurePolicy Ignore: whenever the injector is "
                        + "unavailable, pods start without the sidecar and nothing reports it", evidence));
            }
        }
        return out;
    }
}
