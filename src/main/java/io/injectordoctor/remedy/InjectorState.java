package io.injectordoctor.remedy;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.cluster.ClusterGateway;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.LiveLoader;
import io.injectordoctor.cluster.LoadRequest;
import io.injectordoctor.cluster.ResourceKind;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads what judging the injector needs, through the gateway's loader: the webhook configurations,
 * and in the control-plane namespaces (the Istio namespace and those the hooks' services are in)
 * the services, deployments, endpoints, endpoint slices, configmaps and root secrets. Webhook
 * configurations, services and deployments are needed; without them the restart stops with the
 * missing permission. The rest is optional: refused, its check says unknown.
 */
public final class InjectorState implements Supplier<ClusterSnapshot> {
    static final List<ResourceKind> REQUIRED = List.of(ResourceKind.MUTATING_WEBHOOK_CONFIGURATION,
            ResourceKind.SERVICE, ResourceKind.DEPLOYMENT);

    private final ClusterGateway api;
    private final String istioNamespace;

    public InjectorState(ClusterGateway api, String istioNamespace) {
        this.api = api;
        this.istioNamespace = istioNamespace;
    }

    @Override
    public ClusterSnapshot get() {
        ClusterSnapshot s = new LiveLoader(api, istioNamespace).load(LoadRequest.of(istioNamespace, null,
                ResourceKind.MUTATING_WEBHOOK_CONFIGURATION, ResourceKind.SERVICE, ResourceKind.DEPLOYMENT,
                ResourceKind.ENDPOINTS, ResourceKind.ENDPOINTSLICE, ResourceKind.CONFIGMAP, ResourceKind.SECRET),
                api.config().describe());
        for (ResourceKind k : REQUIRED) {
            String why = s.unreadable().get(k);
            if (why != null) {
                throw new DoctorException(ExitCode.NOPERM, why);
            }
        }
        return s;
    }
}
