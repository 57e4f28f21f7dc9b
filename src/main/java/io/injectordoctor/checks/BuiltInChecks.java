package io.injectordoctor.checks;

import io.injectordoctor.checks.api.ApiReadable;
import io.injectordoctor.checks.api.ReadPermissions;
import io.injectordoctor.checks.certs.CaBundleTrustsRoot;
import io.injectordoctor.checks.config.InjectSelectorsValid;
import io.injectordoctor.checks.config.InjectorConfigParseable;
import io.injectordoctor.checks.config.InjectorConfigPresent;
import io.injectordoctor.checks.config.InjectorPolicyValid;
import io.injectordoctor.checks.events.AdmissionFailureEvents;
import io.injectordoctor.checks.events.ReplicaSetReplicaFailure;
import io.injectordoctor.checks.health.InjectorEndpointsReady;
import io.injectordoctor.checks.health.InjectorPodsReady;
import io.injectordoctor.checks.health.WebhookFailurePolicy;
import io.injectordoctor.checks.health.WebhookTimeout;
import io.injectordoctor.checks.namespaces.AmbientSelectedForSidecars;
import io.injectordoctor.checks.namespaces.ConflictingNamespaceLabels;
import io.injectordoctor.checks.namespaces.IgnoredNamespaceLabelled;
import io.injectordoctor.checks.namespaces.NamespaceRevisionLabel;
import io.injectordoctor.checks.pods.NativeSidecarSupport;
import io.injectordoctor.checks.pods.PodMissingSidecar;
import io.injectordoctor.checks.pods.ProxyNeverInjected;
import io.injectordoctor.checks.pods.StaleRevisionProxy;
import io.injectordoctor.checks.pods.PodUnexpectedSidecar;
import io.injectordoctor.checks.webhooks.InjectionWebhookPresent;
import io.injectordoctor.checks.webhooks.OverlappingWebhooks;
import io.injectordoctor.checks.webhooks.WebhookDeactivated;
import io.injectordoctor.checks.webhooks.WebhookSelectorShape;
import io.injectordoctor.checks.webhooks.WebhookServiceExists;
import io.injectordoctor.checks.workloads.HostNetworkInjectionRequested;
import io.injectordoctor.checks.workloads.InjectSettingOnWorkloadMetadata;
import io.injectordoctor.checks.workloads.InjectValueInvalid;
import io.injectordoctor.checks.workloads.PodCreationRefused;
import java.util.List;

/** Every built-in check, in one place. Adding a check means adding it here. */
public final class BuiltInChecks {
    private BuiltInChecks() {
    }

    public static List<Check> all() {
        return List.of(
                new ApiReadable(),
                new ReadPermissions(),
                new InjectionWebhookPresent(),
                new WebhookSelectorShape(),
                new WebhookDeactivated(),
                new WebhookServiceExists(),
                new OverlappingWebhooks(),
                new InjectorConfigPresent(),
                new InjectorConfigParseable(),
                new InjectorPolicyValid(),
                new InjectSelectorsValid(),
                new NamespaceRevisionLabel(),
                new ConflictingNamespaceLabels(),
                new IgnoredNamespaceLabelled(),
                new AmbientSelectedForSidecars(),
                new InjectSettingOnWorkloadMetadata(),
                new InjectValueInvalid(),
                new HostNetworkInjectionRequested(),
                new PodCreationRefused(),
                new PodMissingSidecar(),
                new PodUnexpectedSidecar(),
                new StaleRevisionProxy(),
                new ProxyNeverInjected(),
                new NativeSidecarSupport(),
                new CaBundleTrustsRoot(),
                new InjectorEndpointsReady(),
                new InjectorPodsReady(),
                new WebhookFailurePolicy(),
                new WebhookTimeout(),
                new AdmissionFailureEvents(),
                new ReplicaSetReplicaFailure());
    }
}
