package io.injectordoctor.model;

/** A container or init container; {@code restartPolicy} is "Always" for a native sidecar. */
public record ContainerInfo(String name, String image, String restartPolicy) {
}
