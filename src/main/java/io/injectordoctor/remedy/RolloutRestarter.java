package io.injectordoctor.remedy;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.cluster.ApiException;
import io.injectordoctor.cluster.ClusterGateway;
import io.injectordoctor.cluster.ObjectConverter;
import io.injectordoctor.cluster.Permissions;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.model.WorkloadInfo;
import io.injectordoctor.report.InjectorTarget;
import io.injectordoctor.report.RestartRecord;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code kubectl rollout restart} for one Deployment: the same annotation, a patch that touches
 * nothing else, the same refusal of a paused Deployment; the permission is asked for first.
 */
public final class RolloutRestarter {
    public static final String ANNOTATION = "kubectl.kubernetes.io/restartedAt";
    public static final String FIELD_MANAGER = "injector-doctor";
    public static final String PATCH_TYPE = "application/merge-patch+json";
    static final int ATTEMPTS = 3;
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final ClusterGateway api;

    public RolloutRestarter(ClusterGateway api) {
        this.api = api;
    }

    /** RFC 3339 in local time with its offset, to the second, as kubectl writes it. */
    public static String restartedAt(Clock clock) {
        return ZonedDateTime.now(clock).format(RFC3339);
    }

    public static RestartRecord.Patch patchFor(String restartedAt) {
        if (!restartedAt.matches("[0-9T:+\\-Z]+")) {
            throw new IllegalArgumentException("not an RFC 3339 time: " + restartedAt);
        }
        String body = "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"" + ANNOTATION + "\":\""
                + restartedAt + "\"}}}}}";
        return new RestartRecord.Patch(PATCH_TYPE, body, FIELD_MANAGER, restartedAt);
    }

    public WorkloadInfo read(InjectorTarget t) {
        try {
            return ObjectConverter.workload(api.get(ResourceKind.DEPLOYMENT, t.namespace(), t.name()));
        } catch (ApiException e) {
            if (e.code() == 404) {
                throw new DoctorException(ExitCode.UNAVAILABLE, "deployment " + t.id() + " no longer exists");
            }
            throw ClusterErrors.failure(api, e, "get", ResourceKind.DEPLOYMENT, t.namespace());
        }
    }

    public static void refusePaused(WorkloadInfo d) {
        if (d.paused()) {
            throw new DoctorException(ExitCode.FINDINGS,
                    "can't restart paused deployment (run rollout resume first): kubectl -n "
                            + d.meta().namespace() + " rollout resume deployment/" + d.meta().name());
        }
    }

    /** GitOps controllers and operators that may revert the patch; empty when none is seen. */
    public static List<String> managers(WorkloadInfo d) {
        return ManagedBy.managers(d.meta().labels(), d.meta().annotations());
    }

    /** Asks the API server whether we may patch this Deployment, so a refusal comes before any change. */
    public void checkPermission(InjectorTarget t) {
        ClusterGateway.Access answer;
        try {
            answer = api.mayI("patch", "apps", "deployments", t.namespace(), t.name());
        } catch (ApiException e) {
            if (e.code() != 403 && e.code() != 404) {
                throw ClusterErrors.failure(api, e, "create", "selfsubjectaccessreviews.authorization.k8s.io");
            }
            // Every authenticated user may ask; a server that refuses the question leaves the patch to answer.
            return;
        }
        if (!answer.allowed()) {
            String reason = answer.reason() == null || answer.reason().isBlank() ? "" : " (" + answer.reason() + ")";
            throw new DoctorException(ExitCode.NOPERM, Permissions.forbidden("patch", ResourceKind.DEPLOYMENT, t.namespace())
                    + ": the access review for deployment " + t.name() + " was denied" + reason);
        }
    }

    /**
     * Sends the patch; on a 409 conflict reads the Deployment again, re-checks that it is not paused
     * and tries again, {@value #ATTEMPTS} attempts in all.
     */
    public void apply(InjectorTarget t, WorkloadInfo current, RestartRecord.Patch patch, boolean dryRun) {
        WorkloadInfo d = current;
        for (int attempt = 1; ; attempt++) {
            refusePaused(d);
            String existing = d.templateMeta().annotations().get(ANNOTATION);
            if (patch.restartedAt().equals(existing)) {
                throw new DoctorException(ExitCode.FINDINGS, "failed to create patch for " + t.name()
                        + ": if restart has already been triggered within the past second, please wait before"
                        + " attempting to trigger another");
            }
            try {
                api.mergePatch(ResourceKind.DEPLOYMENT, t.namespace(), t.name(), patch.body(), patch.fieldManager(), dryRun);
                return;
            } catch (ApiException e) {
                if (e.code() != 409) {
                    throw ClusterErrors.failure(api, e, "patch", ResourceKind.DEPLOYMENT, t.namespace());
                }
                if (attempt >= ATTEMPTS) {
                    throw new DoctorException(ExitCode.UNAVAILABLE, "deployment " + t.id() + " kept changing under us: "
                            + ATTEMPTS + " patches ended in a conflict (409); nothing was changed, try again");
                }
                d = read(t);
            }
        }
    }
}
