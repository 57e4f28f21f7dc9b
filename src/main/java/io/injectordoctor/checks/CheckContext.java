package io.injectordoctor.checks;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.decision.Decision;
import io.injectordoctor.decision.InjectionSubject;
import io.injectordoctor.decision.InjectorInstall;
import io.injectordoctor.decision.ReferenceInjector;
import io.injectordoctor.decision.RequestUser;
import io.injectordoctor.mesh.IstioVersion;
import io.injectordoctor.model.NamespaceInfo;
import io.injectordoctor.model.ObjectMeta;
import io.injectordoctor.model.PodInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the checks of one run share: the snapshot, the clock, and what several checks derive from
 * the snapshot, each worked out once (the reference injector, the injection hooks, the decision for
 * each pod). One context per run, used by one thread; nothing is kept between runs.
 */
public final class CheckContext {
    private final ClusterSnapshot snapshot;
    private final Clock clock;
    private final IstioVersion versionOverride;
    private final RequestUser user;
    private final Map<Object, Object> shared = new HashMap<>();
    private final Map<String, ReferenceInjector.PreparedNamespace> namespaces = new HashMap<>();

    public CheckContext(ClusterSnapshot snapshot, Clock clock, IstioVersion versionOverride) {
        this(snapshot, clock, versionOverride, null);
    }

    /** @param user who creates the pods the decision is asked about (--as, --as-group); null when not known */
    public CheckContext(ClusterSnapshot snapshot, Clock clock, IstioVersion versionOverride, RequestUser user) {
        this.snapshot = snapshot;
        this.clock = clock;
        this.versionOverride = versionOverride;
        this.user = user;
    }

    public static CheckContext of(ClusterSnapshot snapshot) {
        return new CheckContext(snapshot, Clock.systemUTC(), null, null);
    }

    public ClusterSnapshot snapshot() {
        return snapshot;
    }

    public Instant now() {
        return clock.instant();
    }

    public Clock clock() {
        return clock;
    }

    /** The control plane as the decision reads it: ConfigMaps by revision, injector Deployments. */
    public InjectorInstall install() {
        return shared("install", () -> InjectorInstall.of(snapshot));
    }

    /** The reference injector of the snapshot, the one the decision and every check ask. */
    public ReferenceInjector injector() {
        return shared("injector", () -> new ReferenceInjector(snapshot.webhookConfigurations(), install(), versionOverride,
                user));
    }

    /** The Istio injection hooks of the snapshot, deactivated ones included. */
    public List<InjectionHooks.Hook> hooks() {
        return shared("hooks", () -> InjectionHooks.all(snapshot));
    }

    /** The hooks that can select anything: not deactivated by a revision tag. */
    public List<InjectionHooks.Hook> activeHooks() {
        return shared("activeHooks", () -> hooks().stream().filter(h -> !h.deactivated()).toList());
    }

    /**
     * The reference decision for a pod (or pod template) created in {@code namespace}. A namespace
     * the snapshot does not hold counts as one without labels: what the API server sees of a
     * namespace created without them (a manifest's namespace may not exist yet).
     */
    public Decision decide(String namespace, InjectionSubject subject) {
        ReferenceInjector.PreparedNamespace ns = namespaces.computeIfAbsent(namespace == null ? "" : namespace,
                n -> injector().prepare(snapshot.namespace(n).orElseGet(() -> new NamespaceInfo(ObjectMeta.of(null, n)))
                        .effectiveLabels()));
        return injector().decide(subject, ns);
    }

    public Decision decide(PodInfo pod) {
        return decide(pod.meta().namespace(), InjectionSubject.of(pod));
    }

    /**
     * How the injector of a decision adds istio-proxy to a pod with these annotations: native or
     * regular sidecar, from istiod's setting and the nodes, which are unknown when they could not be read.
     */
    public io.injectordoctor.decision.SidecarMode sidecarMode(Decision d, Map<String, String> podAnnotations) {
        io.injectordoctor.cluster.ResourceKind node = io.injectordoctor.cluster.ResourceKind.NODE;
        String refused = snapshot.unreadable().get(node);
        List<io.injectordoctor.model.NodeInfo> nodes = refused == null && snapshot.isLoaded(node) ? snapshot.nodes() : null;
        return io.injectordoctor.decision.SidecarMode.of(d.injector(), podAnnotations, nodes,
                refused != null ? refused : nodes == null ? "the nodes were not read" : null);
    }

    /**
     * A value several checks derive from the snapshot, made by the first that asks. Keys are the
     * deriving class or a constant of it, so that two families never collide.
     */
    @SuppressWarnings("unchecked")
    public <T> T shared(Object key, Supplier<T> make) {
        Object v = shared.get(key);
        if (v == null) {
            v = make.get();
            shared.put(key, v);
        }
        return (T) v;
    }
}
