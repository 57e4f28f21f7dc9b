package io.injectordoctor.certs;

import io.injectordoctor.report.ProbeTarget;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.model.EndpointsInfo;
import io.injectordoctor.model.ServiceInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A ready pod behind a hook's service and the container port the service sends to: where a
 * port-forward reaches what the API server reaches. Pure: found from the snapshot's service and
 * endpoints.
 */
public record InjectorPod(String namespace, String pod, int port) {

    /** The pod to probe, or why there is none (the reason becomes the probe's outcome). */
    public record Resolution(Optional<InjectorPod> pod, String reason) {
    }

    public static Resolution resolve(ClusterSnapshot s, ProbeTarget t) {
        if (!t.service()) {
            return none("the hook calls " + t.describe() + ", not a service: give --injector-address HOST:PORT");
        }
        String unread = s.unreadable().get(ResourceKind.SERVICE);
        if (unread == null && s.unreadable().containsKey(ResourceKind.ENDPOINTS)
                && s.unreadable().containsKey(ResourceKind.ENDPOINTSLICE)) {
            unread = s.unreadable().get(ResourceKind.ENDPOINTS);
        }
        if (unread != null) {
            // Without the service and its endpoints there is no pod to forward to; "not found" would be a guess.
            return none("the injector's pod cannot be found: " + unread);
        }
        Optional<ServiceInfo> svc = s.service(t.serviceNamespace(), t.serviceName());
        if (svc.isEmpty()) {
            return none("service " + t.serviceNamespace() + "/" + t.serviceName() + " not found: the API server"
                    + " cannot call the hook at all (see the endpoints check)");
        }
        List<EndpointsInfo> eps = s.endpoints().stream()
                .filter(e -> Objects.equals(e.meta().namespace(), t.serviceNamespace())
                        && t.serviceName().equals(e.serviceName()))
                .toList();
        Optional<EndpointsInfo.Address> ready = eps.stream().flatMap(e -> e.addresses().stream())
                .filter(a -> a.ready() && a.podName() != null).findFirst();
        if (ready.isEmpty()) {
            return none("no ready pod behind service " + t.serviceNamespace() + "/" + t.serviceName()
                    + ": the API server reports 'no endpoints available for service \"" + t.serviceName() + "\"'");
        }
        Optional<Integer> port = targetPort(svc.get(), t.servicePort(), eps);
        if (port.isEmpty()) {
            return none("service " + t.serviceNamespace() + "/" + t.serviceName() + " has no port "
                    + t.servicePort() + " with a resolvable target port");
        }
        return new Resolution(Optional.of(new InjectorPod(t.serviceNamespace(), ready.get().podName(), port.get())),
                null);
    }

    private static Optional<Integer> targetPort(ServiceInfo svc, int servicePort, List<EndpointsInfo> eps) {
        Optional<ServiceInfo.Port> p = svc.ports().stream().filter(x -> x.port() == servicePort).findFirst();
        if (p.isEmpty()) {
            return Optional.empty();
        }
        String target = p.get().targetPort();
        if (target == null || target.isEmpty()) {
            return Optional.of(servicePort);
        }
        if (target.chars().allMatch(Character::isDigit)) {
            return Optional.of(Integer.parseInt(target));
        }
        // A named target port: the endpoints carry its number under the service port's name.
        String name = p.get().name();
        return eps.stream().flatMap(e -> e.ports().stream())
                .filter(ep -> Objects.equals(ep.name(), name) || Objects.equals(ep.name(), target))
                .map(EndpointsInfo.Port::port).findFirst();
    }

    private static Resolution none(String reason) {
        return new Resolution(Optional.empty(), reason);
    }
}
