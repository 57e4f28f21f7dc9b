package io.injectordoctor.report;

import java.util.List;
import java.util.Map;

/**
 * An injector Deployment together with the hooks that reach it through a Service.
 *
 * @param namespace  the Deployment's namespace
 * @param name       the Deployment's name
 * @param revision   its {@code istio.io/rev} (label on the Deployment or its pod template), "default" when absent
 * @param legacy     the pre-istiod {@code istio-sidecar-injector} layout
 * @param podSelector the Deployment's matchLabels, to name its pods in advice
 * @param hooks      the injection hooks whose Service selects this Deployment's pods
 */
public record InjectorTarget(String namespace, String name, String revision, boolean legacy,
        Map<String, String> podSelector, List<HookRef> hooks) {

    public InjectorTarget {
        podSelector = Map.copyOf(podSelector);
        hooks = List.copyOf(hooks);
    }

    public String id() {
        return namespace + "/" + name;
    }

    public String describe() {
        return id() + " (revision " + revision + ")";
    }
}
