package io.injectordoctor.remedy;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.model.EndpointsInfo;
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

    @Override
    public List<HealthCheck> checks(ClusterSnapshot s, InjectorTarget target) {
        Map<String, HookRef> distinct = new LinkedHashMap<>();
        for (HookRef h : target.hooks()) {
            distinct.putIfAbsent(h.serviceId() + ":" + h.port(), h);
        }
        List<HealthCheck> out = new ArrayList<>();
        for (HookRef h : distinct.values()) {
            out.add(check(s, h));
        }
        return out;
    }

    /** The name under which this hook's endpoint check is reported. */
    static String name(HookRef h) {
        return "endpoints " + h.serviceId() + ":" + h.port();
    }

    static HealthCheck check(ClusterSnapshot s, HookRef h) {
        String name = name(h);
        if (h.targetPort() == null && h.targetPortName() == null) {
            return HealthCheck.problem(name, AREA, "service " + h.serviceId() + " has no port " + h.port());
        }
        String port = "port " + h.port() + " (target " + h.targetPortText() + ")";
        List<EndpointsInfo> slices = of(s, h, EndpointsInfo.ENDPOINT_SLICE);
        if (!slices.isEmpty()) {
            return verdict(name, ready(slices, h), port, "EndpointSlices");
        }
        if (s.unreadable().containsKey(ResourceKind.ENDPOINTS)) {
            return HealthCheck.unknown(name, AREA, "cannot read endpointslices or endpoints in " + h.serviceNamespace()
                    + " (forbidden)");
        }
        return verdict(name, ready(of(s, h, EndpointsInfo.ENDPOINTS), h), port, "Endpoints");
    }

    private static List<EndpointsInfo> of(ClusterSnapshot s, HookRef h, String source) {
        return s.endpoints().stream().filter(e -> e.source().equals(source))
                .filter(e -> Objects.equals(e.meta().namespace(), h.serviceNamespace()))
                .filter(e -> h.serviceName().equals(e.serviceName())).toList();
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

    static int ready(List<EndpointsInfo> sources, HookRef h) {
        int ready = 0;
        for (EndpointsInfo e : sources) {
            boolean portOk = e.ports().stream().anyMatch(p -> portMatches(p.name() == null ? "" : p.name(), p.port(), h));
            if (portOk) {
                ready += (int) e.readyCount();
            }
        }
        return ready;
    }
}
