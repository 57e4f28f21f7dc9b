package io.injectordoctor.remedy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;

class RolloutStatusTest {
    static Deployment d(long generation, long observed, int wanted, int replicas, int updated, int available,
            String progressingReason) {
        DeploymentBuilder b = new DeploymentBuilder().withNewMetadata().withName("istiod").withGeneration(generation)
                .endMetadata().withNewSpec().withReplicas(wanted).endSpec().withNewStatus().withObservedGeneration(observed)
                .withReplicas(replicas).withUpdatedReplicas(updated).withAvailableReplicas(available).endStatus();
        if (progressingReason != null) {
            b.editStatus().addNewCondition().withType("Progressing").withStatus("False").withReason(progressingReason)
                    .endCondition().endStatus();
        }
        return b.build();
    }

    @Test
    void aStaleStatusIsNotTrusted() {
        RolloutStatus.Progress p = RolloutStatus.of(d(3, 2, 1, 1, 1, 1, null));
        assertThat(p.state()).isEqualTo(RolloutStatus.State.WAITING);
        assertThat(p.message()).isEqualTo("Waiting for deployment spec update to be observed...");
    }

    @Test
    void progressDeadlineExceededFails() {
        RolloutStatus.Progress p = RolloutStatus.of(d(2, 2, 2, 3, 1, 2, "ProgressDeadlineExceeded"));
        assertThat(p.state()).isEqualTo(RolloutStatus.State.FAILED);
        assertThat(p.message()).isEqualTo("deployment \"istiod\" exceeded its progress deadline");
    }

    @Test
    void eachKubectlConditionInTurn() {
        assertThat(RolloutStatus.of(d(2, 2, 2, 3, 1, 2, "ReplicaSetUpdated")).message())
                .isEqualTo("Waiting for deployment \"istiod\" rollout to finish: 1 out of 2 new replicas have been updated...");
        assertThat(RolloutStatus.of(d(2, 2, 2, 3, 2, 2, null)).message())
                .isEqualTo("Waiting for deployment \"istiod\" rollout to finish: 1 old replicas are pending termination...");
        assertThat(RolloutStatus.of(d(2, 2, 2, 2, 2, 1, null)).message())
                .isEqualTo("Waiting for deployment \"istiod\" rollout to finish: 1 of 2 updated replicas are available...");
        RolloutStatus.Progress done = RolloutStatus.of(d(2, 2, 2, 2, 2, 2, "NewReplicaSetAvailable"));
        assertThat(done.state()).isEqualTo(RolloutStatus.State.DONE);
        assertThat(done.message()).isEqualTo("deployment \"istiod\" successfully rolled out");
    }

    @Test
    void aDeploymentWithoutStatusWaits() {
        Deployment bare = new DeploymentBuilder().withNewMetadata().withName("istiod").withGeneration(1L).endMetadata()
                .withNewSpec().endSpec().build();
        assertThat(RolloutStatus.of(bare).state()).isEqualTo(RolloutStatus.State.WAITING);
    }
}
