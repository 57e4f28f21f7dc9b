package io.injectordoctor.decision;

import java.util.Map;

/**
 * What the decision looks at: the pod (or pod template) metadata the API server and the injector
 * see, and the namespace the pod is created in.
 */
public record InjectionSubject(String namespace, Map<String, String> labels, Map<String, String> annotations,
        boolean hostNetwork) {
    public InjectionSubject {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }
}
