package io.injectordoctor.checks.health;

import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.InjectionHooks;
import io.injectordoctor.report.Severity;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * timeoutSeconds (Kubernetes default 10, allowed 1 to 30). Too short, and a busy injector fails
 * admission (blocked or un-injected pods, by failurePolicy); long, and a hung injector holds every
 * pod creation that long before the failurePolicy applies.
 */
public final class WebhookTimeout implements Check {
        static final int SHORT = 5;
    static final int LONG = 20;

    @Override
    public String id() {
        return "ID0804";
    }


    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> out = new ArrayList<>();
        for (InjectionHooks.Hook h : context.activeHooks()) {
            Integer t = h.webhook().timeoutSeconds();
            if (t == null) {
                continue;
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("timeoutSeconds", t);
            evidence.put("failurePolicy", h.failurePolicy());
            String effect = "Ignore".equals(h.failurePolicy()) ? "the pod starts without the sidecar" : "the pod is rejected";
            if (t < 1 || t > 30) {
                out.add(new Finding(id(), Severity.WARNING, h.subject(), "timeoutSeconds " + t
                        + " is outside the 1 to 30 the API server accepts", evidence));
            } else if (t < SHORT) {
                out.add(new Finding(id(), Severity.WARNING, h.subject(), "timeoutSeconds " + t + " is short: when the "
                        + "injector answers later (start-up, load), " + effect, evidence));
            } else if (t >= LONG) {
                out.add(new Finding(id(), Severity.INFO, h.subject(), "timeoutSeconds " + t
                        + ": a hung injector holds each pod creation " + t + " s before " + effect, evidence));
            }
        }
        return out;
    }
}
