package io.injectordoctor.model;

/** A pod: its metadata, the parts of the spec injection depends on, and whether it is ready. */
public record PodInfo(ObjectMeta meta, PodSpecInfo spec, String phase, boolean ready) {
    public static final String PROXY_CONTAINER = "istio-proxy";
    public static final String STATUS_ANNOTATION = "sidecar.istio.io/status";

    /** istio-proxy as a regular container, or as a native sidecar init container. */
    public boolean hasProxy() {
        return spec.containers().stream().anyMatch(c -> PROXY_CONTAINER.equals(c.name()))
                || spec.initContainers().stream().anyMatch(c -> PROXY_CONTAINER.equals(c.name()));
    }

    public boolean hasNativeSidecarProxy() {
        return spec.initContainers().stream()
                .anyMatch(c -> PROXY_CONTAINER.equals(c.name()) && "Always".equals(c.restartPolicy()));
    }

    public boolean hasStatusAnnotation() {
        return meta.annotations().containsKey(STATUS_ANNOTATION);
    }
}
