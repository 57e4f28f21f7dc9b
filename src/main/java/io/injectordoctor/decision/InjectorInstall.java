package io.injectordoctor.decision;

import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.mesh.IstioVersion;
import io.injectordoctor.model.ConfigMapInfo;
import io.injectordoctor.model.ContainerInfo;
import io.injectordoctor.model.Webhook;
import io.injectordoctor.model.WorkloadInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The control plane as the decision needs it: for a revision, its injector ConfigMap and the
 * version of the deployment that serves it. Pure: built from objects already loaded.
 */
public final class InjectorInstall {

    private final String istioNamespace;
    private final List<ConfigMapInfo> configMaps;
    private final List<WorkloadInfo> workloads;
    /** Parsing the config is the costliest step of a decision; a whole-cluster audit asks for it per pod. */
    private final java.util.Map<String, Optional<InjectorConfig>> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    public InjectorInstall(String istioNamespace, List<ConfigMapInfo> configMaps, List<WorkloadInfo> workloads) {
        this.istioNamespace = istioNamespace;
        this.configMaps = List.copyOf(configMaps);
        this.workloads = List.copyOf(workloads);
    }

    public static InjectorInstall of(io.injectordoctor.cluster.ClusterSnapshot s) {
        return new InjectorInstall(s.istioNamespace(), s.configMaps(), s.workloads());
    }

    /** The namespace a hook's injector lives in: its service's, else the Istio namespace. */
    public String namespaceOf(Webhook hook) {
        if (hook != null && hook.clientConfig() != null && hook.clientConfig().service() != null
                && hook.clientConfig().service().namespace() != null) {
            return hook.clientConfig().service().namespace();
        }
        return istioNamespace;
    }

    public Optional<ConfigMapInfo> configMap(String namespace, String revision) {
        String name = IstioLayout.injectorConfigMap(revision);
        return configMaps.stream()
                .filter(c -> Objects.equals(namespace, c.meta().namespace()) && name.equals(c.meta().name()))
                .findFirst();
    }

    /** The parsed config of a revision, or empty when its ConfigMap does not exist. */
    public Optional<InjectorConfig> config(String namespace, String revision) {
        return parsed.computeIfAbsent(namespace + "/" + IstioLayout.injectorConfigMap(revision),
                k -> configMap(namespace, revision).map(c -> InjectorConfigParser.parse(
                        c.meta().qualifiedName(), c.data().get("config"))));
    }

    /** The deployment serving a hook: named like its service, else istiod[-rev], else the legacy injector. */
    public Optional<WorkloadInfo> deployment(String namespace, Webhook hook, String revision) {
        String svc = hook != null && hook.clientConfig() != null && hook.clientConfig().service() != null
                ? hook.clientConfig().service().name() : null;
        for (String name : IstioLayout.injectorDeployments(svc, revision)) {
            Optional<WorkloadInfo> w = workloads.stream()
                    .filter(d -> "Deployment".equals(d.kind()) && Objects.equals(namespace, d.meta().namespace())
                            && name.equals(d.meta().name()))
                    .findFirst();
            if (w.isPresent()) {
                return w;
            }
        }
        return Optional.empty();
    }

    /** A literal environment value of the injector's container (discovery or sidecar-injector-webhook); null when unset. */
    public static String env(WorkloadInfo deployment, String name) {
        for (String preferred : IstioLayout.INJECTOR_CONTAINERS) {
            for (ContainerInfo c : deployment.templateSpec().containers()) {
                if (preferred.equals(c.name())) {
                    return c.env().get(name);
                }
            }
        }
        return null;
    }

    /** The version of the injector image; the container named discovery (istiod) or sidecar-injector-webhook first. */
    public static Optional<IstioVersion> version(WorkloadInfo deployment) {
        List<ContainerInfo> cs = deployment.templateSpec().containers();
        for (String preferred : IstioLayout.INJECTOR_CONTAINERS) {
            for (ContainerInfo c : cs) {
                if (preferred.equals(c.name())) {
                    return IstioVersion.fromImage(c.image());
                }
            }
        }
        return cs.isEmpty() ? Optional.empty() : IstioVersion.fromImage(cs.get(0).image());
    }
}
