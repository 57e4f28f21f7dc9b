package io.injectordoctor.cluster;

import io.injectordoctor.model.ConfigMapInfo;
import io.injectordoctor.model.EndpointsInfo;
import io.injectordoctor.model.EventInfo;
import io.injectordoctor.model.NamespaceInfo;
import io.injectordoctor.model.NodeInfo;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.model.SecretInfo;
import io.injectordoctor.model.ServiceInfo;
import io.injectordoctor.model.WebhookConfiguration;
import io.injectordoctor.model.WorkloadInfo;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable view of the objects a diagnosis needs. Loaders build it; the decision and the checks
 * read only from it. {@code loaded} says which kinds were read; {@code unreadable} says which could
 * not be read and why (for example a 403), so that a check can skip with a reason; {@code failed}
 * holds those of them the API server failed to give (5xx after the retries): a result without them
 * is partial, where a refused kind is a permission to grant.
 */
public final class ClusterSnapshot {
    private final String source;
    private final String istioNamespace;
    private final List<NamespaceInfo> namespaces;
    private final List<PodInfo> pods;
    private final List<WorkloadInfo> workloads;
    private final List<WebhookConfiguration> webhookConfigurations;
    private final List<ConfigMapInfo> configMaps;
    private final List<ServiceInfo> services;
    private final List<EndpointsInfo> endpoints;
    private final List<SecretInfo> secrets;
    private final List<EventInfo> events;
    private final List<NodeInfo> nodes;
    private final Set<ResourceKind> loaded;
    private final Map<ResourceKind, String> unreadable;
    private final Map<ResourceKind, String> failed;
    private final boolean fromFile;
    private final Map<String, NamespaceInfo> namespaceIndex = new java.util.HashMap<>();

    private ClusterSnapshot(Builder b) {
        this.source = b.source;
        this.istioNamespace = b.istioNamespace;
        this.namespaces = List.copyOf(b.namespaces);
        this.pods = List.copyOf(b.pods);
        this.workloads = List.copyOf(b.workloads);
        this.webhookConfigurations = List.copyOf(b.webhookConfigurations);
        this.configMaps = List.copyOf(b.configMaps);
        this.services = List.copyOf(b.services);
        this.endpoints = List.copyOf(b.endpoints);
        this.secrets = List.copyOf(b.secrets);
        this.events = List.copyOf(b.events);
        this.nodes = List.copyOf(b.nodes);
        this.loaded = b.loaded.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(b.loaded));
        this.unreadable = Map.copyOf(b.unreadable);
        this.failed = Map.copyOf(b.failed);
        this.fromFile = b.fromFile;
        // Whole-cluster audits look a namespace up once per pod.
        for (NamespaceInfo n : namespaces) {
            namespaceIndex.putIfAbsent(n.name(), n);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where the objects came from: a context and server, a file, or the demo cluster. */
    public String source() {
        return source;
    }

    public String istioNamespace() {
        return istioNamespace;
    }

    public List<NamespaceInfo> namespaces() {
        return namespaces;
    }

    public Optional<NamespaceInfo> namespace(String name) {
        return Optional.ofNullable(namespaceIndex.get(name));
    }

    public List<PodInfo> pods() {
        return pods;
    }

    public Optional<PodInfo> pod(String namespace, String name) {
        return pods.stream()
                .filter(p -> Objects.equals(p.meta().namespace(), namespace) && p.meta().name().equals(name))
                .findFirst();
    }

    public List<WorkloadInfo> workloads() {
        return workloads;
    }

    public Optional<WorkloadInfo> workload(String kind, String namespace, String name) {
        return workloads.stream()
                .filter(w -> w.kind().equalsIgnoreCase(kind) && Objects.equals(w.meta().namespace(), namespace)
                        && w.meta().name().equals(name))
                .findFirst();
    }

    public List<WebhookConfiguration> webhookConfigurations() {
        return webhookConfigurations;
    }

    public List<ConfigMapInfo> configMaps() {
        return configMaps;
    }

    public Optional<ConfigMapInfo> configMap(String namespace, String name) {
        return configMaps.stream()
                .filter(c -> Objects.equals(c.meta().namespace(), namespace) && c.meta().name().equals(name))
                .findFirst();
    }

    public List<ServiceInfo> services() {
        return services;
    }

    public Optional<ServiceInfo> service(String namespace, String name) {
        return services.stream()
                .filter(s -> Objects.equals(s.meta().namespace(), namespace) && s.meta().name().equals(name))
                .findFirst();
    }

    public List<EndpointsInfo> endpoints() {
        return endpoints;
    }

    public List<SecretInfo> secrets() {
        return secrets;
    }

    public Optional<SecretInfo> secret(String namespace, String name) {
        return secrets.stream()
                .filter(s -> Objects.equals(s.meta().namespace(), namespace) && s.meta().name().equals(name))
                .findFirst();
    }

    public List<EventInfo> events() {
        return events;
    }

    public List<NodeInfo> nodes() {
        return nodes;
    }

    public Set<ResourceKind> loaded() {
        return loaded;
    }

    public boolean isLoaded(ResourceKind kind) {
        return loaded.contains(kind);
    }

    /** Kinds that could not be read, with the reason (e.g. "forbidden: cannot list secrets in istio-system"). */
    public Map<ResourceKind, String> unreadable() {
        return unreadable;
    }

    /** The unreadable kinds the API server failed to give (not refused): without them a result is partial. */
    public Map<ResourceKind, String> failed() {
        return failed;
    }

    /** Read from a file (a snapshot or a dump), not from an API server. */
    public boolean fromFile() {
        return fromFile;
    }

    /** A builder; loaders fill it, tests use it to state a cluster directly. */
    public static final class Builder {
        private String source = "snapshot";
        private String istioNamespace = "istio-system";
        private final List<NamespaceInfo> namespaces = new ArrayList<>();
        private final List<PodInfo> pods = new ArrayList<>();
        private final List<WorkloadInfo> workloads = new ArrayList<>();
        private final List<WebhookConfiguration> webhookConfigurations = new ArrayList<>();
        private final List<ConfigMapInfo> configMaps = new ArrayList<>();
        private final List<ServiceInfo> services = new ArrayList<>();
        private final List<EndpointsInfo> endpoints = new ArrayList<>();
        private final List<SecretInfo> secrets = new ArrayList<>();
        private final List<EventInfo> events = new ArrayList<>();
        private final List<NodeInfo> nodes = new ArrayList<>();
        private final Set<ResourceKind> loaded = EnumSet.noneOf(ResourceKind.class);
        private final Map<ResourceKind, String> unreadable = new EnumMap<>(ResourceKind.class);
        private final Map<ResourceKind, String> failed = new EnumMap<>(ResourceKind.class);
        private boolean fromFile;

        public Builder source(String s) {
            this.source = s;
            return this;
        }

        public Builder istioNamespace(String ns) {
            this.istioNamespace = ns;
            return this;
        }

        public Builder namespace(NamespaceInfo n) {
            namespaces.add(n);
            loaded.add(ResourceKind.NAMESPACE);
            return this;
        }

        public Builder pod(PodInfo p) {
            pods.add(p);
            loaded.add(ResourceKind.POD);
            return this;
        }

        public Builder workload(WorkloadInfo w) {
            workloads.add(w);
            return this;
        }

        public Builder webhookConfiguration(WebhookConfiguration w) {
            webhookConfigurations.add(w);
            loaded.add(ResourceKind.MUTATING_WEBHOOK_CONFIGURATION);
            return this;
        }

        public Builder configMap(ConfigMapInfo c) {
            configMaps.add(c);
            loaded.add(ResourceKind.CONFIGMAP);
            return this;
        }

        public Builder service(ServiceInfo s) {
            services.add(s);
            loaded.add(ResourceKind.SERVICE);
            return this;
        }

        public Builder endpoints(EndpointsInfo e) {
            endpoints.add(e);
            return this;
        }

        public Builder secret(SecretInfo s) {
            secrets.add(s);
            loaded.add(ResourceKind.SECRET);
            return this;
        }

        public Builder event(EventInfo e) {
            events.add(e);
            loaded.add(ResourceKind.EVENT);
            return this;
        }

        public Builder node(NodeInfo n) {
            nodes.add(n);
            loaded.add(ResourceKind.NODE);
            return this;
        }

        /** Marks a kind as read, even when no object of it exists. */
        public Builder loaded(ResourceKind kind) {
            loaded.add(kind);
            return this;
        }

        public Builder unreadable(ResourceKind kind, String reason) {
            unreadable.put(kind, reason);
            return this;
        }

        /** A kind the API server failed to give: unreadable, and the result is partial. */
        public Builder failed(ResourceKind kind, String reason) {
            unreadable.put(kind, reason);
            failed.put(kind, reason);
            return this;
        }

        public Builder fromFile() {
            fromFile = true;
            return this;
        }

        /** Adds every object of another snapshot (its loaded kinds too). */
        public Builder addAll(ClusterSnapshot o) {
            namespaces.addAll(o.namespaces);
            pods.addAll(o.pods);
            workloads.addAll(o.workloads);
            webhookConfigurations.addAll(o.webhookConfigurations);
            configMaps.addAll(o.configMaps);
            services.addAll(o.services);
            endpoints.addAll(o.endpoints);
            secrets.addAll(o.secrets);
            events.addAll(o.events);
            nodes.addAll(o.nodes);
            loaded.addAll(o.loaded);
            return this;
        }

        public ClusterSnapshot build() {
            return new ClusterSnapshot(this);
        }
    }

    public Builder toBuilder() {
        Builder b = new Builder().source(source).istioNamespace(istioNamespace);
        b.namespaces.addAll(namespaces);
        b.pods.addAll(pods);
        b.workloads.addAll(workloads);
        b.webhookConfigurations.addAll(webhookConfigurations);
        b.configMaps.addAll(configMaps);
        b.services.addAll(services);
        b.endpoints.addAll(endpoints);
        b.secrets.addAll(secrets);
        b.events.addAll(events);
        b.nodes.addAll(nodes);
        b.loaded.addAll(loaded);
        b.unreadable.putAll(unreadable);
        b.failed.putAll(failed);
        b.fromFile = fromFile;
        return b;
    }

}
