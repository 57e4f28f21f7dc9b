package io.injectordoctor.model;

import io.injectordoctor.mesh.IstioLayout;

/** A pod: its metadata, the parts of the spec injection depends on, and whether it is ready. */
public record PodInfo(ObjectMeta meta, PodSpecInfo spec, String phase, boolean ready) {

    /** istio-proxy as a regular container, or as a native sidecar init container. */
    public boolean hasProxy() {
        return spec.containers().stream().anyMatch(c -> IstioLayout.PROXY_CONTAINER.equals(c.name()))
                || spec.initContainers().stream().anyMatch(c -> IstioLayout.PROXY_CONTAINER.equals(c.name()));
    }

    public boolean hasNativeSidecarProxy() {
        return spec.initContainers().stream()
                .anyMatch(c -> IstioLayout.PROXY_CONTAINER.equals(c.name()) && "Always".equals(c.restartPolicy()));
    }

    public boolean hasStatusAnnotation() {
        return meta.annotations().containsKey(IstioLayout.STATUS_ANNOTATION);
    }
}
