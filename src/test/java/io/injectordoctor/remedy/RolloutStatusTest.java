package io.injectordoctor.remedy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.injectordoctor.cluster.ObjectConverter;
import io.injectordoctor.model.WorkloadInfo;
import org.junit.jupiter.api.Test;

class RolloutStatusTest {
    static WorkloadInfo d(long generation, long observed, int wanted, int replicas, int updated, int available,
            String progressingReason) {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("kind", "Deployment");
        o.putObject("metadata").put("name", "istiod").put("generation", generation);
        o.putObject("spec").put("replicas", wanted);
        ObjectNode st = o.putObject("status").put("observedGeneration", observed).put("replicas", replicas)
                .put("updatedReplicas", updated).put("availableReplicas", available);
        if (progressingReason != null) {
            st.putArray("conditions").addObject().put("type", "Progressing").put("status", "False")
                    .put("reason", progressingReason);
        }
        return ObjectConverter.workload(o);
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
        ObjectNode bare = JsonNodeFactory.instance.objectNode().put("kind", "Deployment");
        bare.putObject("metadata").put("name", "istiod").put("generation", 1);
        bare.putObject("spec");
        assertThat(RolloutStatus.of(ObjectConverter.workload(bare)).state()).isEqualTo(RolloutStatus.State.WAITING);
    }
}
