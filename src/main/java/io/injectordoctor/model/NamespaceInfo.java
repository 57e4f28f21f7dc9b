package io.injectordoctor.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A namespace. {@code injectionLabelledAt} is when its {@code istio-injection} or {@code istio.io/rev}
 * label was last set, as the API server's managedFields record it (null when unknown): a pod older
 * than that was created before the namespace opted in.
 */
public record NamespaceInfo(ObjectMeta meta, java.time.Instant injectionLabelledAt) {
    public static final String NAME_LABEL = "kubernetes.io/metadata.name";

    public NamespaceInfo(ObjectMeta meta) {
        this(meta, null);
    }

    public String name() {
        return meta.name();
    }

    /**
     * The labels the API server matches selectors against: the stored labels plus the automatic
     * {@code kubernetes.io/metadata.name}, which every namespace carries since Kubernetes 1.21.
     */
    public Map<String, String> effectiveLabels() {
        if (meta.labels().containsKey(NAME_LABEL)) {
            return meta.labels();
        }
        Map<String, String> l = new LinkedHashMap<>(meta.labels());
        l.put(NAME_LABEL, meta.name());
        return l;
    }
}
