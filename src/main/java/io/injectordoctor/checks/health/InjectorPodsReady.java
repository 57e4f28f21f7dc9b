package io.injectordoctor.checks.health;

import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.report.Advice;
import io.injectordoctor.report.Command;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.InjectorService;
import io.injectordoctor.report.Severity;
import io.injectordoctor.checks.webhooks.WebhookServiceExists;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.model.PodInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The pods behind the injector service (its selector, in its namespace): none, none ready, or some not ready. */
public final class InjectorPodsReady implements Check {
    
    @Override
    public String id() {
        return "ID0802";
    }



    @Override
    public List<Finding> run(CheckContext context) {
        ClusterSnapshot snapshot = context.snapshot();
        List<Finding> out = new ArrayList<>();
        for (InjectorService.Called called : InjectorService.calledByActiveHooks(context)) {
            InjectorService s = called.service();
            if (!s.exists() || s.service().selector().isEmpty()) {
                continue;
            }
            Map<String, String> selector = s.service().selector();
            List<PodInfo> pods = snapshot.pods().stream()
                    .filter(p -> Objects.equals(p.meta().namespace(), s.reference().namespace()))
                    .filter(p -> p.meta().labels().entrySet().containsAll(selector.entrySet()))
                    .toList();
            List<String> notReady = pods.stream().filter(p -> !p.ready()).map(p -> p.meta().name()).sorted().toList();
            String sel = selector.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("service", s.qualifiedName());
            evidence.put("selector", sel);
            evidence.put("pods", pods.stream().map(p -> p.meta().name() + " " + (p.ready() ? "ready" : "not ready")
                    + (p.phase() == null ? "" : " (" + p.phase() + ")")).sorted().toList());
            String ns = s.reference().namespace();
            // Reads only: the injector is restarted by restart-injector, which checks first.
            List<Advice> look = List.of(
                    Advice.run(Command.kubectl("get", "pods,endpoints", "-l", sel).inNamespace(ns)),
                    Advice.run(Command.kubectl("describe", "pods", "-l", sel).inNamespace(ns)),
                    Advice.run(Command.kubectl("logs", "-l", sel).inNamespace(ns)));
            if (pods.isEmpty()) {
                out.add(new Finding(id(), Severity.ERROR, s.subject(), "no pod in " + s.reference().namespace()
                        + " matches the selector " + sel + " of service " + s.qualifiedName(), evidence)
                        .withFix(look.subList(0, 1)));
            } else if (notReady.size() == pods.size()) {
                out.add(new Finding(id(), Severity.ERROR, s.subject(), "none of the " + pods.size()
                        + " injector pod(s) is ready: " + notReady, evidence).withFix(look));
            } else if (!notReady.isEmpty()) {
                out.add(new Finding(id(), Severity.WARNING, s.subject(), notReady.size() + " of " + pods.size()
                        + " injector pod(s) not ready: " + notReady, evidence).withFix(look));
            }
        }
        return out;
    }
}
