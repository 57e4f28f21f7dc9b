package io.injectordoctor.remedy;

import io.injectordoctor.model.Condition;
import io.injectordoctor.model.WorkloadInfo;

/** {@code kubectl rollout status} for a Deployment, as a pure function of the object. */
public final class RolloutStatus {
    public enum State { WAITING, DONE, FAILED }

    public record Progress(State state, String message) {
    }

    private RolloutStatus() {
    }

    /** kubernetes/kubectl pkg/polymorphichelpers/rollout_status.go DeploymentStatusViewer.Status. */
    public static Progress of(WorkloadInfo d) {
        String name = d.meta().name();
        WorkloadInfo.WorkloadStatus st = d.status();
        long generation = d.meta().generation() == null ? 0 : d.meta().generation();
        long observed = st == null || st.observedGeneration() == null ? 0 : st.observedGeneration();
        // Right after the patch the status still describes the old template: wait until it is observed.
        if (generation > observed) {
            return new Progress(State.WAITING, "Waiting for deployment spec update to be observed...");
        }
        if (st != null) {
            for (Condition c : st.conditions()) {
                if ("Progressing".equals(c.type()) && "ProgressDeadlineExceeded".equals(c.reason())) {
                    return new Progress(State.FAILED, "deployment \"" + name + "\" exceeded its progress deadline");
                }
            }
        }
        int wanted = d.replicas() == null ? 1 : d.replicas();
        int updated = st == null ? 0 : n(st.updatedReplicas());
        int replicas = st == null ? 0 : n(st.replicas());
        int available = st == null ? 0 : n(st.availableReplicas());
        if (updated < wanted) {
            return new Progress(State.WAITING, "Waiting for deployment \"" + name + "\" rollout to finish: " + updated
                    + " out of " + wanted + " new replicas have been updated...");
        }
        if (replicas > updated) {
            return new Progress(State.WAITING, "Waiting for deployment \"" + name + "\" rollout to finish: "
                    + (replicas - updated) + " old replicas are pending termination...");
        }
        if (available < updated) {
            return new Progress(State.WAITING, "Waiting for deployment \"" + name + "\" rollout to finish: " + available
                    + " of " + updated + " updated replicas are available...");
        }
        return new Progress(State.DONE, "deployment \"" + name + "\" successfully rolled out");
    }

    private static int n(Integer i) {
        return i == null ? 0 : i;
    }
}
