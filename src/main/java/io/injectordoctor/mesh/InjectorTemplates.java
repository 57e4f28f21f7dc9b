package io.injectordoctor.mesh;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The injection templates an istiod knows: the keys of {@code templates} in its injector ConfigMap's
 * {@code config}, into which the istio-discovery chart renders its built-ins unless
 * {@code sidecarInjectorWebhook.templates} replaces one
 * (manifests/charts/istio-control/istio-discovery/templates/istiod-injector-configmap.yaml,
 * {@code templates:}). A pod names templates with {@code inject.istio.io/templates}; an alias of the
 * ConfigMap's {@code aliases} stands for a list (inject.go {@code selectTemplates}, {@code resolveAliases}).
 */
public final class InjectorTemplates {
    /**
     * The chart's built-ins: six in the charts of 1.24 to 1.28, two agentgateway templates in newer
     * charts (their first release is not verified, so they are always accepted: a pod is never called
     * refused on a guess).
     */
    public static final List<String> BUILT_IN = List.of("sidecar", "gateway", "grpc-simple", "grpc-agent", "waypoint",
            "kube-gateway", "agentgateway", "agentgateway-waypoint");

    private InjectorTemplates() {
    }

    /** Istio before 1.9 has one template (ConfigMap key {@code template}) and ignores inject.istio.io/templates. */
    public static boolean readsTemplateAnnotation(IstioVersion version) {
        return version == null || version.atLeast(1, 9);
    }

    /** The templates istiod has: the ConfigMap's, and the chart's built-ins. */
    public static Set<String> known(Set<String> configMapTemplates) {
        Set<String> out = new LinkedHashSet<>(configMapTemplates);
        out.addAll(BUILT_IN);
        return out;
    }

    /** The templates rendered for a pod: those it names, else the defaults, aliases expanded. */
    public static List<String> selected(Map<String, String> podAnnotations, List<String> defaultTemplates,
            Map<String, List<String>> aliases) {
        List<String> names = podAnnotations.containsKey(IstioLayout.TEMPLATES)
                ? IstioLayout.requestedTemplates(podAnnotations) : defaultTemplates;
        List<String> out = new ArrayList<>();
        for (String n : names) {
            List<String> alias = aliases.get(n);
            if (alias != null) {
                out.addAll(alias);
            } else {
                out.add(n);
            }
        }
        return List.copyOf(out);
    }
}
