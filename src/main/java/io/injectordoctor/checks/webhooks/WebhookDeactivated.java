package io.injectordoctor.checks.webhooks;

import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.InjectionHooks;
import io.injectordoctor.report.Severity;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hooks rewritten to never match ({@code istio.io/deactivated: never-match}, done by
 * {@code istioctl tag set default}). One deactivated hook beside active ones is normal; when every
 * injection hook is deactivated, nothing is injected.
 */
public final class WebhookDeactivated implements Check {
    
    @Override
    public String id() {
        return "ID0203";
    }



    @Override
    public List<Finding> run(CheckContext context) {
        List<InjectionHooks.Hook> all = context.hooks();
        List<InjectionHooks.Hook> deactivated = all.stream().filter(InjectionHooks.Hook::deactivated).toList();
        if (deactivated.isEmpty()) {
            return List.of();
        }
        boolean none = deactivated.size() == all.size();
        List<Finding> out = new ArrayList<>();
        for (InjectionHooks.Hook h : deactivated) {
            out.add(new Finding(id(), none ? Severity.WARNING : Severity.INFO, h.subject(),
                    none ? "is deactivated (never-match), and so is every other injection hook: no pod is injected"
                            : "is deactivated (never-match); " + (all.size() - deactivated.size())
                                    + " other injection hook(s) are active",
                    Map.of("selector", IstioLayout.DEACTIVATED_KEY + "=" + IstioLayout.NEVER_MATCH)));
        }
        return out;
    }
}
