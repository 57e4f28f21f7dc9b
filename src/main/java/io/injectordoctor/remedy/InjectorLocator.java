package io.injectordoctor.remedy;

import io.injectordoctor.mesh.IstioLayout;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ServiceReference;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.injectordoctor.cluster.ResourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the injector the way the API server reaches it: injection hook, its Service, the Service's
 * selector, the Deployment whose pod template carries those labels. Selectors are evaluated here,
 * never by the server.
 */
public final class InjectorLocator {
    static final String REV_LABEL = IstioLayout.REV;
    private final KubernetesClient client;

    public InjectorLocator(KubernetesClient client) {
        this.client = client;
    }

    /** Every Deployment that some injection hook reaches, with the hooks that reach it. */
    public List<InjectorTarget> candidates() {
        List<MutatingWebhookConfiguration> configs;
        try {
            configs = client.admissionRegistration().v1().mutatingWebhookConfigurations().list().getItems();
        } catch (KubernetesClientException e) {
            throw ClusterErrors.failure(e, "list", ResourceKind.MUTATING_WEBHOOK_CONFIGURATION, null);
        }
        Map<String, Optional<Service>> services = new HashMap<>();
        Map<String, List<Deployment>> deploymentsByNs = new HashMap<>();
        Map<String, Deployment> found = new LinkedHashMap<>();
        Map<String, List<HookRef>> hooksOf = new LinkedHashMap<>();
        for (MutatingWebhookConfiguration config : configs) {
            String configName = config.getMetadata().getName();
            String configRev = labels(config.getMetadata().getLabels()).get(REV_LABEL);
            for (MutatingWebhook hook : nonNull(config.getWebhooks())) {
                ServiceReference ref = hook.getClientConfig() == null ? null : hook.getClientConfig().getService();
                if (hook.getName() == null || !IstioLayout.isInjectionHook(hook.getName()) || ref == null) {
                    continue;
                }
                Optional<Service> svc = services.computeIfAbsent(ref.getNamespace() + "/" + ref.getName(),
                        k -> service(ref.getNamespace(), ref.getName()));
                if (svc.isEmpty()) {
                    continue;
                }
                HookRef hookRef = hookRef(configName, hook.getName(), configRev, ref, svc.get());
                Map<String, String> selector = labels(svc.get().getSpec().getSelector());
                if (selector.isEmpty()) {
                    continue;
                }
                for (Deployment d : deploymentsByNs.computeIfAbsent(ref.getNamespace(), this::deployments)) {
                    if (matches(selector, templateLabels(d))) {
                        String key = d.getMetadata().getNamespace() + "/" + d.getMetadata().getName();
                        found.putIfAbsent(key, d);
                        hooksOf.computeIfAbsent(key, k -> new ArrayList<>()).add(hookRef);
                    }
                }
            }
        }
        List<InjectorTarget> out = new ArrayList<>();
        found.forEach((key, d) -> out.add(target(d, hooksOf.get(key))));
        return out;
    }

    static InjectorTarget target(Deployment d, List<HookRef> hooks) {
        Map<String, String> tpl = templateLabels(d);
        String rev = labels(d.getMetadata().getLabels()).getOrDefault(REV_LABEL, tpl.get(REV_LABEL));
        String name = d.getMetadata().getName();
        boolean legacy = IstioLayout.isLegacyInjector(name) || "sidecar-injector".equals(tpl.get("istio"));
        Map<String, String> selector = d.getSpec().getSelector() == null ? null : d.getSpec().getSelector().getMatchLabels();
        return new InjectorTarget(d.getMetadata().getNamespace(), name, rev == null || rev.isEmpty() ? "default" : rev,
                legacy, selector == null || selector.isEmpty() ? tpl : selector, hooks);
    }

    static boolean matches(Map<String, String> selector, Map<String, String> podLabels) {
        if (selector.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(podLabels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    static HookRef hookRef(String configName, String hookName, String configRev, ServiceReference ref, Service svc) {
        int port = ref.getPort() == null ? 443 : ref.getPort();
        String portName = "";
        Integer target = null;
        String targetName = null;
        for (ServicePort sp : nonNull(svc.getSpec().getPorts())) {
            if (sp.getPort() != null && sp.getPort() == port) {
                portName = sp.getName() == null ? "" : sp.getName();
                IntOrString tp = sp.getTargetPort();
                if (tp == null || (tp.getIntVal() == null && tp.getStrVal() == null)) {
                    target = port;
                } else if (tp.getIntVal() != null) {
                    target = tp.getIntVal();
                } else {
                    targetName = tp.getStrVal();
                }
                break;
            }
        }
        return new HookRef(configName, hookName, configRev, ref.getNamespace(), ref.getName(), port,
                portName, target, targetName);
    }

    private Optional<Service> service(String namespace, String name) {
        try {
            return Optional.ofNullable(client.services().inNamespace(namespace).withName(name).get());
        } catch (KubernetesClientException e) {
            throw ClusterErrors.failure(e, "get", ResourceKind.SERVICE, namespace);
        }
    }

    private List<Deployment> deployments(String namespace) {
        try {
            return client.apps().deployments().inNamespace(namespace).list().getItems();
        } catch (KubernetesClientException e) {
            throw ClusterErrors.failure(e, "list", ResourceKind.DEPLOYMENT, namespace);
        }
    }

    static Map<String, String> templateLabels(Deployment d) {
        if (d.getSpec() == null || d.getSpec().getTemplate() == null || d.getSpec().getTemplate().getMetadata() == null) {
            return Map.of();
        }
        return labels(d.getSpec().getTemplate().getMetadata().getLabels());
    }

    static Map<String, String> labels(Map<String, String> m) {
        return m == null ? Map.of() : m;
    }

    private static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }
}
