package io.injectordoctor.decision;

import io.injectordoctor.model.PodInfo;
import io.injectordoctor.model.WorkloadInfo;
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

    /** A pod as it was created in its namespace. */
    public static InjectionSubject of(PodInfo pod) {
        return new InjectionSubject(pod.meta().namespace(), pod.meta().labels(), pod.meta().annotations(),
                pod.spec().hostNetwork());
    }

    /** A pod-template owner's pods, as they would be created in its namespace. */
    public static InjectionSubject of(WorkloadInfo w) {
        return new InjectionSubject(w.meta().namespace(), w.templateMeta().labels(), w.templateMeta().annotations(),
                w.templateSpec().hostNetwork());
    }
}
