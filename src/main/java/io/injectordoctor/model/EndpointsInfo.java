package io.injectordoctor.model;

import java.util.List;

/** Endpoints or an EndpointSlice, flattened: addresses with their readiness, and the ports. */
public record EndpointsInfo(String source, ObjectMeta meta, String serviceName, List<Address> addresses,
        List<Port> ports) {
    public static final String ENDPOINTS = "Endpoints";
    public static final String ENDPOINT_SLICE = "EndpointSlice";

    public EndpointsInfo {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        ports = ports == null ? List.of() : List.copyOf(ports);
    }

    public record Address(String ip, boolean ready, String podName) {
    }

    public record Port(String name, int port, String protocol) {
    }

    public long readyCount() {
        return addresses.stream().filter(Address::ready).count();
    }
}
