package io.injectordoctor.remedy;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.injectordoctor.cluster.ResourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * "no endpoints available for service": does the hook's Service have a ready address on the port
 * the hook calls? EndpointSlices are read first; the Endpoints object only when a cluster has no
 * slice for the Service.
 */
public final class EndpointReadiness implements HealthAssessor {
    static final String AREA = "endpoints";
    private final KubernetesClient client;

    public EndpointReadiness(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public List<HealthCheck> checks(InjectorTarget target) {
        Map<String, HookRef> distinct = new LinkedHashMap<>();
        for (HookRef h : target.hooks()) {
            distinct.putIfAbsent(h.serviceId() + ":" + h.port(), h);
        }
        List<HealthCheck> out = new ArrayList<>();
        for (HookRef h : distinct.values()) {
            out.add(check(h));
        }
        return out;
    }

    /** The name under which this hook's endpoint check is reported. */
    static String name(HookRef h) {
        return "endpoints " + h.serviceId() + ":" + h.port();
    }

    HealthCheck check(HookRef h) {
        String name = name(h);
        if (h.targetPort() == null && h.targetPortName() == null) {
            return HealthCheck.problem(name, AREA, "service " + h.serviceId() + " has no port " + h.port());
        }
        String port = "port " + h.port() + " (target " + h.targetPortText() + ")";
        try {
            List<EndpointSlice> slices = client.discovery().v1().endpointSlices().inNamespace(h.serviceNamespace())
                    .withLabel("kubernetes.io/service-name", h.serviceName()).list().getItems();
            if (!slices.isEmpty()) {
                int ready = readyInSlices(slices, h);
                return verdict(name, ready, port, "EndpointSlices");
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404 && e.getCode() != 403) {
                throw ClusterErrors.failure(e, "list", ResourceKind.ENDPOINTSLICE, h.serviceNamespace());
            }
        }
        try {
            Endpoints ep = client.endpoints().inNamespace(h.serviceNamespace()).withName(h.serviceName()).get();
            return verdict(name, ep == null ? 0 : readyInEndpoints(ep, h), port, "Endpoints");
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403) {
                return HealthCheck.unknown(name, AREA,
                        "cannot read endpointslices or endpoints in " + h.serviceNamespace() + " (forbidden)");
            }
            throw ClusterErrors.failure(e, "get", ResourceKind.ENDPOINTS, h.serviceNamespace());
        }
    }

    private static HealthCheck verdict(String name, int ready, String port, String source) {
        if (ready == 0) {
            return HealthCheck.problem(name, AREA, "no ready endpoint on " + port + " (" + source + ")");
        }
        return HealthCheck.ok(name, AREA, ready + " ready endpoint" + (ready == 1 ? "" : "s") + " on " + port
                + " (" + source + ")");
    }

    /** Kubernetes names a slice port after the Service port; an unnamed port is matched by number. */
    static boolean portMatches(String name, Integer number, HookRef h) {
        if (!h.portName().isEmpty()) {
            return h.portName().equals(name);
        }
        return h.targetPort() != null && Objects.equals(h.targetPort(), number);
    }

    static int readyInSlices(List<EndpointSlice> slices, HookRef h) {
        int ready = 0;
        for (EndpointSlice s : slices) {
            boolean portOk = s.getPorts() != null
                    && s.getPorts().stream().anyMatch(p -> portMatches(p.getName() == null ? "" : p.getName(), p.getPort(), h));
            if (!portOk || s.getEndpoints() == null) {
                continue;
            }
            for (Endpoint e : s.getEndpoints()) {
                // A missing ready condition means "unknown", which consumers must treat as ready.
                boolean isReady = e.getConditions() == null || e.getConditions().getReady() == null
                        || e.getConditions().getReady();
                if (isReady && e.getAddresses() != null && !e.getAddresses().isEmpty()) {
                    ready++;
                }
            }
        }
        return ready;
    }

    static int readyInEndpoints(Endpoints ep, HookRef h) {
        int ready = 0;
        if (ep.getSubsets() == null) {
            return 0;
        }
        for (EndpointSubset s : ep.getSubsets()) {
            List<EndpointPort> ports = s.getPorts() == null ? List.of() : s.getPorts();
            boolean portOk = ports.stream().anyMatch(p -> portMatches(p.getName() == null ? "" : p.getName(), p.getPort(), h));
            List<EndpointAddress> addrs = s.getAddresses();
            if (portOk && addrs != null) {
                ready += addrs.size();
            }
        }
        return ready;
    }
}
