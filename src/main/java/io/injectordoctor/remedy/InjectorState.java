package io.injectordoctor.remedy;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.cluster.ClusterGateway;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.LiveLoader;
import io.injectordoctor.cluster.LoadRequest;
import io.injectordoctor.cluster.ResourceKind;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads what judging the injector needs through the loader: the webhook configurations, and in
 * the control-plane namespaces (the Istio namespace and those of the hooks' services) the kinds
 * the judging checks read. Webhook configurations, services and deployments are needed to find
 * the injector; without them the restart stops with the missing permission. The rest is
 * optional: refused, the check that reads it is skipped and says so.
 */
public final class InjectorState implements Supplier<ClusterSnapshot> {
    static final List<ResourceKind> REQUIRED = List.of(ResourceKind.MUTATING_WEBHOOK_CONFIGURATION,
            ResourceKind.SERVICE, ResourceKind.DEPLOYMENT);

    private final ClusterGateway api;
    private final String istioNamespace;
    private final Set<ResourceKind> kinds;

    public InjectorState(ClusterGateway api, String istioNamespace, Set<ResourceKind> kinds) {
        this.api = api;
        this.istioNamespace = istioNamespace;
        this.kinds = Set.copyOf(kinds);
    }

    @Override
    public ClusterSnapshot get() {
        ClusterSnapshot s = new LiveLoader(api, istioNamespace).load(LoadRequest.controlPlane(kinds), api.config().describe());
        for (ResourceKind k : REQUIRED) {
            String why = s.unreadable().get(k);
            if (why != null) {
                throw new DoctorException(ExitCode.NOPERM, why);
            }
        }
        return s;
    }
}
