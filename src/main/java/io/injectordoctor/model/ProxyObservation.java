package io.injectordoctor.model;

import io.injectordoctor.mesh.BuiltInProxy;
import io.injectordoctor.mesh.Dataplane;
import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.mesh.ProxyKind;
import io.injectordoctor.mesh.SidecarStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What proxy a running pod has and who put it there, recognised in this order (the proxies and
 * their markers are docs/injection-decision.md's "What proxy a pod has"): the injector's status
 * annotation; a proxy istiod's gateway controller deployed; ztunnel; a proxy container still on
 * {@code image: auto}, never injected; a gateway of the legacy istioctl charts; any other
 * istio-proxy, placed by hand.
 *
 * @param builtIn which proxy Istio built in, for {@link ProxyKind#MESH_INFRASTRUCTURE}; else null
 * @param status the injector's record, when the pod carries one
 * @param awaitingInjection istio-proxy is still {@code image: auto}: the webhook never filled it in, and it cannot start
 * @param templates the templates the pod names in inject.istio.io/templates (empty: the defaults)
 */
public record ProxyObservation(ProxyKind kind, BuiltInProxy builtIn, SidecarStatus status, boolean awaitingInjection,
        List<String> templates) {
    public ProxyObservation {
        templates = List.copyOf(templates);
    }

    public static ProxyObservation of(PodInfo pod) {
        Map<String, String> labels = pod.meta().labels();
        Map<String, String> annotations = pod.meta().annotations();
        List<String> templates = IstioLayout.requestedTemplates(annotations);
        Optional<ContainerInfo> proxy = container(pod.spec().containers());
        Optional<ContainerInfo> nativeProxy = container(pod.spec().initContainers())
                .filter(c -> "Always".equals(c.restartPolicy()));
        boolean gatewayTemplate = templates.contains(IstioLayout.GATEWAY_TEMPLATE);
        SidecarStatus status = SidecarStatus.of(annotations).orElse(null);
        if (annotations.containsKey(IstioLayout.STATUS_ANNOTATION)) {
            ProxyKind kind = proxy.isPresent() && (gatewayTemplate || isRouter(proxy.get())) ? ProxyKind.GATEWAY
                    : nativeProxy.isPresent() ? ProxyKind.NATIVE_SIDECAR
                    : proxy.isPresent() ? ProxyKind.SIDECAR : ProxyKind.NONE;
            return new ProxyObservation(kind, null, status, false, templates);
        }
        if (proxy.isEmpty() && nativeProxy.isEmpty()) {
            return new ProxyObservation(ProxyKind.NONE, null, null, false, templates);
        }
        Optional<BuiltInProxy> managed = BuiltInProxy.ofManagedLabel(labels);
        if (managed.isPresent()) {
            return infrastructure(managed.get(), templates);
        }
        if (proxy.isPresent() && isZtunnel(pod, proxy.get())) {
            return infrastructure(BuiltInProxy.ZTUNNEL, templates);
        }
        if (proxy.isPresent() && IstioLayout.AUTO_IMAGE.equals(proxy.get().image())) {
            return new ProxyObservation(gatewayTemplate ? ProxyKind.GATEWAY : ProxyKind.SIDECAR, null, null, true, templates);
        }
        if (proxy.isPresent() && isRouter(proxy.get()) && "false".equals(labels.get(IstioLayout.INJECT))
                && labels.containsKey(IstioLayout.OPERATOR_COMPONENT)) {
            return infrastructure(BuiltInProxy.LEGACY_GATEWAY, templates);
        }
        return new ProxyObservation(nativeProxy.isPresent() ? ProxyKind.NATIVE_SIDECAR : ProxyKind.SIDECAR, null, null,
                false, templates);
    }

    /** A workload's pods as its template makes them: the template's metadata and spec, owned by the workload. */
    public static ProxyObservation ofTemplate(WorkloadInfo w) {
        ObjectMeta t = w.templateMeta();
        ObjectMeta meta = new ObjectMeta(w.meta().namespace(), w.meta().name(), t.labels(), t.annotations(), null, null,
                List.of(new OwnerRef(w.kind(), w.meta().name(), w.meta().uid(), true)), null);
        return of(new PodInfo(meta, w.templateSpec(), null, false));
    }

    private static ProxyObservation infrastructure(BuiltInProxy p, List<String> templates) {
        return new ProxyObservation(ProxyKind.MESH_INFRASTRUCTURE, p, null, false, templates);
    }

    /**
     * ztunnel as its chart makes it: a DaemonSet's pod labelled {@code app: ztunnel} (older charts:
     * {@code ambient-type: ztunnel}) whose istio-proxy runs the ztunnel image or {@code proxy ztunnel}.
     */
    private static boolean isZtunnel(PodInfo pod, ContainerInfo proxy) {
        Map<String, String> labels = pod.meta().labels();
        boolean daemonSet = pod.meta().owners().stream().anyMatch(o -> o.controller() && "DaemonSet".equals(o.kind()));
        boolean labelled = IstioLayout.ZTUNNEL_APP.equals(labels.get("app"))
                || IstioLayout.ZTUNNEL_APP.equals(labels.get("ambient-type"));
        return daemonSet && labelled && (repository(proxy.image()).endsWith("/" + IstioLayout.ZTUNNEL_APP)
                || proxy.args().contains(IstioLayout.ZTUNNEL_APP) || labels.containsKey("ambient-type"));
    }

    /** {@code proxy router}: the proxy of a gateway (gateway-injection-template.yaml, kube-gateway.yaml). */
    private static boolean isRouter(ContainerInfo proxy) {
        return proxy.args().size() > 1 && "proxy".equals(proxy.args().get(0)) && "router".equals(proxy.args().get(1));
    }

    private static String repository(String image) {
        if (image == null) {
            return "";
        }
        String ref = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        return colon > slash ? ref.substring(0, colon) : ref;
    }

    private static Optional<ContainerInfo> container(List<ContainerInfo> containers) {
        return containers.stream().filter(c -> IstioLayout.PROXY_CONTAINER.equals(c.name())).findFirst();
    }

    /** A proxy the injector placed and that runs: what the reference verdict is held against. */
    public boolean runsInjectedProxy() {
        return !awaitingInjection && (kind == ProxyKind.SIDECAR || kind == ProxyKind.NATIVE_SIDECAR
                || kind == ProxyKind.GATEWAY);
    }

    public boolean meshInfrastructure() {
        return kind == ProxyKind.MESH_INFRASTRUCTURE;
    }

    /**
     * Who carries the pod's traffic: its own injected proxy, else ztunnel when istio-cni recorded the
     * capture; the mesh's own proxies are the data plane and are not captured ({@code none}).
     */
    public Dataplane dataplane(Map<String, String> podAnnotations) {
        if (runsInjectedProxy()) {
            return Dataplane.SIDECAR;
        }
        if (meshInfrastructure()) {
            return Dataplane.NONE;
        }
        return Dataplane.captured(podAnnotations) ? Dataplane.AMBIENT : Dataplane.NONE;
    }

    /** The revision that injected the pod, as its status annotation records it; null when not recorded. */
    public String injectedRevision() {
        return status == null ? null : status.revision();
    }
}
