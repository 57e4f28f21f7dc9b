package io.injectordoctor.model;

import java.util.List;
import java.util.Map;

/**
 * A container or init container; {@code restartPolicy} is "Always" for a native sidecar.
 * {@code args} tell Istio's proxies apart ({@code proxy sidecar}, {@code proxy router},
 * {@code proxy waypoint}, {@code proxy ztunnel}). {@code env} holds the literal values of the
 * injector's own containers only (istiod's settings, such as ENABLE_NATIVE_SIDECARS); it is empty
 * for every other container, whose environment a diagnosis never needs.
 */
public record ContainerInfo(String name, String image, String restartPolicy, List<String> args, Map<String, String> env) {
    public ContainerInfo {
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    public ContainerInfo(String name, String image, String restartPolicy) {
        this(name, image, restartPolicy, List.of(), Map.of());
    }
}
