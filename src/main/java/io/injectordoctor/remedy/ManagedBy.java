package io.injectordoctor.remedy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who else owns the Deployment. A GitOps controller or an operator may put the template back and
 * undo the restart annotation (Argo CD also shows the Deployment as out of sync).
 */
public final class ManagedBy {
    private ManagedBy() {
    }

    /** One line per manager found in the Deployment's labels and annotations; empty when none. */
    public static List<String> managers(Map<String, String> labels, Map<String, String> annotations) {
        List<String> out = new ArrayList<>();
        Map<String, String> l = labels == null ? Map.of() : labels;
        Map<String, String> a = annotations == null ? Map.of() : annotations;
        // app.kubernetes.io/instance alone is every Helm chart's label; Argo CD is known by its own keys
        // (tracking-id annotation, managed-by, sync options), with or without that label.
        String argo = firstKey(l, a, "argocd.argoproj.io/");
        if (argo != null) {
            out.add("Argo CD (" + argo + (l.containsKey("app.kubernetes.io/instance")
                    ? ", app " + l.get("app.kubernetes.io/instance") : "") + ")");
        }
        String flux = firstKey(l, a, "kustomize.toolkit.fluxcd.io/");
        if (flux == null) {
            flux = firstKey(l, a, "helm.toolkit.fluxcd.io/");
        }
        if (flux != null) {
            out.add("Flux (" + flux + ")");
        }
        String op = l.containsKey("install.operator.istio.io/owning-resource") ? "install.operator.istio.io/owning-resource"
                : firstKey(l, a, "operator.istio.io/");
        if (op != null) {
            out.add("istio-operator (" + op + ")");
        }
        return out;
    }

    private static String firstKey(Map<String, String> labels, Map<String, String> annotations, String prefix) {
        for (Map<String, String> m : List.of(labels, annotations)) {
            for (String k : m.keySet()) {
                if (k.startsWith(prefix)) {
                    return k;
                }
            }
        }
        return null;
    }
}
