package io.injectordoctor.cluster;

import io.injectordoctor.model.PodInfo;
import java.util.function.Consumer;

/**
 * Pods one at a time, in the order of their source: the API server's (by namespace, then name),
 * page by page, or a snapshot file's. Nothing is kept after a pod has been handed on.
 */
@FunctionalInterface
public interface PodStream {
    void forEach(Consumer<PodInfo> each);
}
