package io.injectordoctor.checks;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.model.EndpointsInfo;
import io.injectordoctor.model.ServiceInfo;
import io.injectordoctor.model.Webhook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Where a hook's calls land: its service, the service port the hook names (443 by default), the
 * target port, and the addresses behind it in Endpoints and EndpointSlices, ready or not.
 */
public record InjectorService(Webhook.ServiceReference reference, ServiceInfo service, ServiceInfo.Port servicePort,
        List<EndpointsInfo> sources, List<String> readyAddresses, List<String> notReadyAddresses) {

    public String qualifiedName() {
        return reference.namespace() + "/" + reference.name();
    }

    public String subject() {
        return Subjects.of("Service", reference.namespace(), reference.name());
    }

    public boolean exists() {
        return service != null;
    }

    /** The port the pods listen on: the service port's targetPort, or its port when unset. */
    public String targetPort() {
        if (servicePort == null) {
            return null;
        }
        String t = servicePort.targetPort();
        return t == null || t.isEmpty() ? String.valueOf(servicePort.port()) : t;
    }

    public Map<String, Object> evidence() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("service", qualifiedName());
        e.put("port", reference.portOrDefault());
        e.put("targetPort", targetPort());
        e.put("sources", sources.stream().map(s -> s.source() + " " + s.meta().name()).toList());
        e.put("ready", readyAddresses);
        e.put("notReady", notReadyAddresses);
        return e;
    }

    /** A service with the active injection hooks that call it (on the same port). */
    public record Called(InjectorService service, List<InjectionHooks.Hook> hooks) {
        public List<String> hookSubjects() {
            return hooks.stream().map(InjectionHooks.Hook::subject).toList();
        }
    }

    /** The services the active injection hooks call, each once; hooks that call a URL are left out. */
    public static List<Called> calledByActiveHooks(CheckContext context) {
        return context.shared(Called.class, () -> collect(context));
    }

    private static List<Called> collect(CheckContext context) {
        ClusterSnapshot snapshot = context.snapshot();
        Map<Webhook.ServiceReference, List<InjectionHooks.Hook>> byRef = new LinkedHashMap<>();
        for (InjectionHooks.Hook h : context.activeHooks()) {
            Webhook.ServiceReference ref = h.service();
            if (ref != null) {
                byRef.computeIfAbsent(new Webhook.ServiceReference(ref.namespace(), ref.name(), null, ref.portOrDefault()),
                        k -> new ArrayList<>()).add(h);
            }
        }
        List<Called> out = new ArrayList<>();
        byRef.forEach((ref, hooks) -> out.add(new Called(of(snapshot, ref).orElseThrow(), List.copyOf(hooks))));
        return out;
    }

    /** Resolves the hook's service; empty when the hook calls a URL instead. */
    public static Optional<InjectorService> of(ClusterSnapshot snapshot, Webhook.ServiceReference ref) {
        if (ref == null) {
            return Optional.empty();
        }
        ServiceInfo svc = snapshot.service(ref.namespace(), ref.name()).orElse(null);
        ServiceInfo.Port port = svc == null ? null : svc.ports().stream()
                .filter(p -> p.port() == ref.portOrDefault()).findFirst().orElse(null);
        List<EndpointsInfo> sources = new ArrayList<>();
        TreeSet<String> ready = new TreeSet<>();
        TreeSet<String> notReady = new TreeSet<>();
        for (EndpointsInfo e : snapshot.endpoints()) {
            if (!Objects.equals(e.meta().namespace(), ref.namespace()) || !ref.name().equals(e.serviceName())) {
                continue;
            }
            sources.add(e);
            if (port != null && servesPort(e, port)) {
                for (EndpointsInfo.Address a : e.addresses()) {
                    (a.ready() ? ready : notReady).add(a.ip());
                }
            }
        }
        notReady.removeAll(ready);
        return Optional.of(new InjectorService(ref, svc, port, sources, List.copyOf(ready), List.copyOf(notReady)));
    }

    /**
     * Endpoints name their ports after the service port and carry the resolved target port number,
     * so a port matches by name, or by number when the target port is numeric.
     */
    static boolean servesPort(EndpointsInfo e, ServiceInfo.Port sp) {
        String target = sp.targetPort() == null || sp.targetPort().isEmpty() ? String.valueOf(sp.port()) : sp.targetPort();
        boolean numeric = target.chars().allMatch(Character::isDigit);
        boolean named = sp.name() != null && !sp.name().isEmpty();
        for (EndpointsInfo.Port p : e.ports()) {
            boolean nameOk = named ? sp.name().equals(p.name()) : p.name() == null || p.name().isEmpty();
            if (nameOk && (!numeric || target.equals(String.valueOf(p.port())))) {
                return true;
            }
        }
        return false;
    }
}
