package io.injectordoctor.model;

import java.util.List;

public record PodSpecInfo(boolean hostNetwork, List<ContainerInfo> containers, List<ContainerInfo> initContainers,
        String serviceAccountName, String nodeName) {
    public PodSpecInfo {
        containers = containers == null ? List.of() : List.copyOf(containers);
        initContainers = initContainers == null ? List.of() : List.copyOf(initContainers);
    }
}
