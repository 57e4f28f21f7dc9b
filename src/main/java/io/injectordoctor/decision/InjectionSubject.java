package io.injectordoctor.decision;

import io.injectordoctor.model.ObjectMeta;
import io.injectordoctor.model.OwnerRef;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.model.WorkloadInfo;
import java.util.Map;

/**
 * What the decision looks at: the pod (or pod template) metadata the API server and the injector
 * see, and the namespace the pod is created in. {@code name} is the pod's name in the CREATE:
 * empty when the API server generates it after admission (generateName, as controllers do), null
 * when not known.
 */
public record InjectionSubject(String namespace, Map<String, String> labels, Map<String, String> annotations,
        boolean hostNetwork, String name) {
    public InjectionSubject {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    public InjectionSubject(String namespace, Map<String, String> labels, Map<String, String> annotations,
            boolean hostNetwork) {
        this(namespace, labels, annotations, hostNetwork, null);
    }

    /**
     * A pod or template as it was (or will be) created: a pod made by a controller other than a
     * StatefulSet got its name from generateName after admission; a StatefulSet's pods and pods
     * created by hand carry theirs; a template's is not known.
     */
    public static InjectionSubject of(String namespace, ObjectMeta meta, boolean hostNetwork) {
        OwnerRef controller = meta.owners().stream().filter(OwnerRef::controller).findFirst().orElse(null);
        String name = controller == null || "StatefulSet".equals(controller.kind()) ? meta.name() : "";
        return new InjectionSubject(namespace, meta.labels(), meta.annotations(), hostNetwork, name);
    }

    /** A pod as it was created in its namespace. */
    public static InjectionSubject of(PodInfo pod) {
        return of(pod.meta().namespace(), pod.meta(), pod.spec().hostNetwork());
    }

    /** A pod-template owner's pods, as they would be created in its namespace: their name is not known. */
    public static InjectionSubject of(WorkloadInfo w) {
        return new InjectionSubject(w.meta().namespace(), w.templateMeta().labels(), w.templateMeta().annotations(),
                w.templateSpec().hostNetwork(), null);
    }
}
