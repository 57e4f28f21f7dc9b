package io.injectordoctor.model;

import java.util.List;
import java.util.Map;

public record ServiceInfo(ObjectMeta meta, Map<String, String> selector, List<Port> ports) {
    public ServiceInfo {
        selector = selector == null ? Map.of() : Map.copyOf(selector);
        ports = ports == null ? List.of() : List.copyOf(ports);
    }

    /** {@code targetPort} is kept as text: a number or a named container port. */
    public record Port(String name, int port, String targetPort, String protocol) {
    }
}
