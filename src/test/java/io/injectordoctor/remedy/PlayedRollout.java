package io.injectordoctor.remedy;

import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays the Deployment controller, the endpoint controller and (optionally) istiod's webhook
 * patcher between two polls of the code under test, one step per pause, the way a real rollout
 * moves: new spec observed, a new pod, the old one gone, the endpoint ready.
 */
final class PlayedRollout implements Pause {
    enum Script { COMPLETES, STUCK, DEADLINE_EXCEEDED }

    private final KubernetesClient kube;
    private final MutableClock clock;
    private final String name;
    private final Script script;
    private final IstioCluster cluster;
    private String fixBundleOf;
    private boolean readyEndpoint = true;
    private int step;
    final List<Duration> pauses = new ArrayList<>();

    PlayedRollout(KubernetesClient controllerClient, IstioCluster cluster, MutableClock clock, String name, Script script) {
        this.kube = controllerClient;
        this.cluster = cluster;
        this.clock = clock;
        this.name = name;
        this.script = script;
    }

    /** Once the new pod runs, istiod rewrites this configuration's caBundle with the mesh root. */
    PlayedRollout patchingBundleOf(String config) {
        this.fixBundleOf = config;
        return this;
    }

    /** Leaves the endpoints as they are (for a cluster whose endpoints are already ready). */
    PlayedRollout keepingEndpoints() {
        this.readyEndpoint = false;
        return this;
    }

    @Override
    public void pause(Duration d) {
        pauses.add(d);
        clock.advance(d);
        step++;
        switch (script) {
            case STUCK -> status(0, 1, 1);
            case DEADLINE_EXCEEDED -> {
                status(0, 1, 1);
                if (step >= 2) {
                    condition(new DeploymentConditionBuilder().withType("Progressing").withStatus("False")
                            .withReason("ProgressDeadlineExceeded").withMessage("ReplicaSet \"" + name
                                    + "-7d4b9\" has timed out progressing.").build());
                }
            }
            case COMPLETES -> {
                switch (step) {
                    case 1 -> status(0, 1, 1);
                    case 2 -> status(1, 2, 1);
                    case 3 -> status(1, 1, 1);
                    default -> {
                        if (readyEndpoint) {
                            cluster.endpointSlice(name, "https-webhook", 15017, true);
                            cluster.podReady(name, true);
                        }
                        if (fixBundleOf != null) {
                            cluster.setBundle(fixBundleOf, IstioCluster.ROOT);
                        }
                    }
                }
            }
        }
    }

    private void status(int updated, int replicas, int available) {
        kube.apps().deployments().inNamespace(IstioCluster.NS).withName(name).edit(d -> {
            d.getStatus().setObservedGeneration(d.getMetadata().getGeneration());
            d.getStatus().setUpdatedReplicas(updated);
            d.getStatus().setReplicas(replicas);
            d.getStatus().setAvailableReplicas(available);
            return d;
        });
    }

    private void condition(DeploymentCondition c) {
        kube.apps().deployments().inNamespace(IstioCluster.NS).withName(name).edit(d -> {
            d.getStatus().setConditions(List.of(c));
            return d;
        });
    }
}
