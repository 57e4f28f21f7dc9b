package io.injectordoctor.remedy;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributesBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.cluster.Permissions;
import io.injectordoctor.cluster.ResourceKind;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

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

    /** The patch as sent. */
    public record Patch(String type, String body, String fieldManager, String restartedAt) {
    }

    private final KubernetesClient client;

    public RolloutRestarter(KubernetesClient client) {
        this.client = client;
    }

    /** RFC 3339 in local time with its offset, to the second, as kubectl writes it. */
    public static String restartedAt(Clock clock) {
        return ZonedDateTime.now(clock).format(RFC3339);
    }

    public static Patch patchFor(String restartedAt) {
        if (!restartedAt.matches("[0-9T:+\\-Z]+")) {
            throw new IllegalArgumentException("not an RFC 3339 time: " + restartedAt);
        }
        String body = "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"" + ANNOTATION + "\":\""
                + restartedAt + "\"}}}}}";
        return new Patch(PATCH_TYPE, body, FIELD_MANAGER, restartedAt);
    }

    public Deployment read(InjectorTarget t) {
        try {
            Deployment d = client.apps().deployments().inNamespace(t.namespace()).withName(t.name()).get();
            if (d == null) {
                throw new DoctorException(ExitCode.UNAVAILABLE, "deployment " + t.id() + " no longer exists");
            }
            return d;
        } catch (KubernetesClientException e) {
            throw ClusterErrors.failure(e, "get", ResourceKind.DEPLOYMENT, t.namespace());
        }
    }

    public static void refusePaused(Deployment d) {
        if (d.getSpec() != null && Boolean.TRUE.equals(d.getSpec().getPaused())) {
            throw new DoctorException(ExitCode.FINDINGS,
                    "can't restart paused deployment (run rollout resume first): kubectl -n "
                            + d.getMetadata().getNamespace() + " rollout resume deployment/" + d.getMetadata().getName());
        }
    }

    /** GitOps controllers and operators that may revert the patch; empty when none is seen. */
    public static List<String> managers(Deployment d) {
        ObjectMeta m = d.getMetadata();
        return ManagedBy.managers(m.getLabels(), m.getAnnotations());
    }

    /** Asks the API server whether we may patch this Deployment, so a refusal comes before any change. */
    public void checkPermission(InjectorTarget t) {
        SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder().withNewSpec()
                .withResourceAttributes(new ResourceAttributesBuilder().withNamespace(t.namespace()).withVerb("patch")
                        .withGroup("apps").withResource("deployments").withName(t.name()).build())
                .endSpec().build();
        SelfSubjectAccessReview answer;
        try {
            answer = client.authorization().v1().selfSubjectAccessReview().create(review);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403 && e.getCode() != 404) {
                throw ClusterErrors.failure(e, "create", "selfsubjectaccessreviews.authorization.k8s.io");
            }
            // Every authenticated user may ask; a server that refuses the question leaves the patch to answer.
            return;
        }
        boolean allowed = answer != null && answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
        if (!allowed) {
            String reason = answer == null || answer.getStatus() == null || answer.getStatus().getReason() == null
                    || answer.getStatus().getReason().isBlank() ? "" : " (" + answer.getStatus().getReason() + ")";
            throw new DoctorException(ExitCode.NOPERM, Permissions.forbidden("patch", ResourceKind.DEPLOYMENT, t.namespace())
                    + ": the access review for deployment " + t.name() + " was denied" + reason);
        }
    }

    /**
     * Sends the patch; on a 409 conflict reads the Deployment again, re-checks that it is not paused
     * and tries again, {@value #ATTEMPTS} attempts in all.
     */
    public Deployment apply(InjectorTarget t, Deployment current, Patch patch, boolean dryRun) {
        Deployment d = current;
        for (int attempt = 1; ; attempt++) {
            refusePaused(d);
            String existing = annotations(d).get(ANNOTATION);
            if (patch.restartedAt().equals(existing)) {
                throw new DoctorException(ExitCode.FINDINGS, "failed to create patch for " + t.name()
                        + ": if restart has already been triggered within the past second, please wait before"
                        + " attempting to trigger another");
            }
            PatchContext.Builder ctx = new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE)
                    .withFieldManager(patch.fieldManager());
            if (dryRun) {
                ctx.withDryRun(List.of("All"));
            }
            try {
                return client.apps().deployments().inNamespace(t.namespace()).withName(t.name())
                        .patch(ctx.build(), patch.body());
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw ClusterErrors.failure(e, "patch", ResourceKind.DEPLOYMENT, t.namespace());
                }
                if (attempt >= ATTEMPTS) {
                    throw new DoctorException(ExitCode.UNAVAILABLE, "deployment " + t.id() + " kept changing under us: "
                            + ATTEMPTS + " patches ended in a conflict (409); nothing was changed, try again");
                }
                d = read(t);
            }
        }
    }

    private static Map<String, String> annotations(Deployment d) {
        if (d.getSpec() == null || d.getSpec().getTemplate() == null || d.getSpec().getTemplate().getMetadata() == null
                || d.getSpec().getTemplate().getMetadata().getAnnotations() == null) {
            return Map.of();
        }
        return d.getSpec().getTemplate().getMetadata().getAnnotations();
    }
}
