package io.injectordoctor.mesh;

import java.util.Locale;

/**
 * How a proxy sits next to a workload. Only the first three are placed by the injector; Istio
 * builds the mesh's own proxies (ztunnel, waypoints, the gateways its controller deploys) with
 * {@code istio-proxy} already in them and never injects them.
 */
public enum ProxyKind {
    /** istio-proxy injected as a regular container. */
    SIDECAR("an injected sidecar (istio-proxy as a container)"),
    /** istio-proxy injected as an init container with restartPolicy Always (Kubernetes native sidecar). */
    NATIVE_SIDECAR("an injected native sidecar (istio-proxy as an init container with restartPolicy Always)"),
    /** A gateway whose pod is injected through the {@code gateway} template (the gateway Helm chart). */
    GATEWAY("a gateway injected through the gateway template"),
    /** A proxy Istio builds into the workload and never injects. */
    MESH_INFRASTRUCTURE("mesh infrastructure: a proxy Istio builds in and never injects"),
    NONE("no proxy");

    private final String words;

    ProxyKind(String words) {
        this.words = words;
    }

    /** "sidecar", "native-sidecar", "gateway", "mesh-infrastructure", "none": the JSON word. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What it is, in words. */
    public String describe() {
        return words;
    }
}
