package io.injectordoctor.remedy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;

/** {@code kubectl rollout status} for a Deployment, as a pure function of the object. */
public final class RolloutStatus {
    public enum State { WAITING, DONE, FAILED }

    public record Progress(State state, String message) {
    }

    private RolloutStatus() {
    }

    public static Progress of(Deployment d) {
        String name = d.getMetadata().getName();
        DeploymentStatus st = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
        long generation = d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
        long observed = st.getObservedGeneration() == null ? 0 : st.getObservedGeneration();
        // Right after the patch the status still describes the old template: wait until it is observed.
        if (generation > observed) {
            return new Progress(State.WAITING, "Waiting for deployment spec update to be observed...");
        }
        if (st.getConditions() != null) {
            for (DeploymentCondition c : st.getConditions()) {
                if ("Progressing".equals(c.getType()) && "ProgressDeadlineExceeded".equals(c.getReason())) {
                    return new Progress(State.FAILED, "deployment \"" + name + "\" exceeded its progress deadline");
                }
            }
        }
        int wanted = d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        int updated = n(st.getUpdatedReplicas());
        int replicas = n(st.getReplicas());
        int available = n(st.getAvailableReplicas());
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
