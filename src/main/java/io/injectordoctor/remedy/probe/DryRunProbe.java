package io.injectordoctor.remedy.probe;

import io.injectordoctor.report.ProbeResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.cluster.ApiException;
import io.injectordoctor.cluster.ClusterGateway;
import io.injectordoctor.cluster.ObjectConverter;
import io.injectordoctor.cluster.Permissions;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.model.WebhookConfiguration;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * {@code explain --probe}: sends the subject's pod through the real admission chain as a
 * server-side dry run ({@code dryRun=All}) and reads what came back. Only dry-run requests are
 * sent; nothing is created. Refuses (without sending the create) when a mutating hook that could
 * be called for a pod create declares side effects, or when creating pods is not allowed.
 */
public final class DryRunProbe {
    private final ClusterGateway api;
    private final RandomGenerator random;

    public DryRunProbe(ClusterGateway api, RandomGenerator random) {
        this.api = api;
        this.random = random;
    }

    /**
     * @param kind POD or a workload kind (DEPLOYMENT, STATEFULSET, DAEMONSET, REPLICASET, JOB): its pod template
     * @param referenceInject the reference verdict to compare with, or null
     */
    public ProbeResult probe(ResourceKind kind, String namespace, String name, Boolean referenceInject) {
        return probe(kind, namespace, name, ProbeReading.Reference.of(referenceInject));
    }

    /** @param reference what the reference predicts, the admission outcome included */
    public ProbeResult probe(ResourceKind kind, String namespace, String name, ProbeReading.Reference reference) {
        Boolean referenceInject = reference.inject();
        String subject = kind.resource().substring(0, kind.resource().length() - 1) + "/" + name;
        if (!mayCreatePods(namespace)) {
            return ProbeResult.refused(subject, namespace, Permissions.forbidden("create", ResourceKind.POD, namespace)
                    + ": --probe sends a dry-run create of the pod, and the access review for it was denied",
                    List.of(), ExitCode.NOPERM, referenceInject);
        }
        List<String> blocking = SideEffectHooks.blocking(webhookConfigurations());
        if (!blocking.isEmpty()) {
            return ProbeResult.refused(subject, namespace, "--probe refused: a dry run would reach "
                    + (blocking.size() == 1 ? "a mutating webhook" : blocking.size() + " mutating webhooks")
                    + " for pod CREATE that may have side effects: " + String.join(", ", blocking)
                    + "; only sideEffects None or NoneOnDryRun is safe to call", blocking, ExitCode.USAGE, referenceInject);
        }
        ObjectNode sent = kind == ResourceKind.POD
                ? ProbePods.fromPod(read(ResourceKind.POD, namespace, name), ProbePods.freshName(name, random))
                : ProbePods.fromTemplate(template(kind, namespace, name), namespace, ProbePods.freshName(name, random));
        try {
            JsonNode back = api.createDryRun(ResourceKind.POD, namespace, sent);
            return ProbeReading.returned(subject, sent, back, reference);
        } catch (ApiException e) {
            if (e.code() == 401 || rbacRefusal(e)) {
                throw failure(e, "create", ResourceKind.POD, namespace);
            }
            // Only the API server's own Status is its verdict on the pod; a timeout, a proxy's page or
            // garbage says nothing about whether it would admit it.
            if (e.unreachable() || e.badAnswer() || !e.statusBody()) {
                throw new DoctorException(ExitCode.UNAVAILABLE, "the probe could not be completed: the dry-run create of "
                        + subject + " in " + namespace + " got " + (e.unreachable() ? "no answer from " + api.server()
                        + " (" + e.getMessage() + ")" : e.badAnswer() ? "a bad answer: " + e.getMessage()
                        : e.getMessage()) + "; nothing is known about what the admission chain would do");
            }
            return ProbeReading.rejected(subject, sent, e.code(), e.getMessage(), reference);
        }
    }

    /** Asks first, so that a missing permission is named instead of showing up as a rejection. */
    private boolean mayCreatePods(String namespace) {
        try {
            return api.mayI("create", "", "pods", namespace, null).allowed();
        } catch (ApiException e) {
            if (e.code() == 403 || e.code() == 404) {
                // A server that will not answer the question leaves the dry run itself to answer it.
                return true;
            }
            throw new DoctorException(e.code() == 401 ? ExitCode.NOPERM : ExitCode.UNAVAILABLE,
                    "the API server failed to create selfsubjectaccessreviews.authorization.k8s.io: "
                    + (e.code() == 0 ? "" : "HTTP " + e.code() + ": ") + e.getMessage(), e);
        }
    }

    private List<WebhookConfiguration> webhookConfigurations() {
        try {
            return api.list(ResourceKind.MUTATING_WEBHOOK_CONFIGURATION, null).stream()
                    .map(ObjectConverter::webhookConfiguration).toList();
        } catch (ApiException e) {
            throw failure(e, "list", ResourceKind.MUTATING_WEBHOOK_CONFIGURATION, null);
        }
    }

    private JsonNode read(ResourceKind kind, String ns, String name) {
        try {
            return api.get(kind, ns, name);
        } catch (ApiException e) {
            if (e.code() == 404) {
                throw new DoctorException(ExitCode.USAGE, kind.resource().substring(0, kind.resource().length() - 1)
                        .toLowerCase(Locale.ROOT) + " " + ns + "/" + name + " not found");
            }
            throw failure(e, "get", kind, ns);
        }
    }

    private JsonNode template(ResourceKind kind, String ns, String name) {
        if (!List.of(ResourceKind.DEPLOYMENT, ResourceKind.STATEFULSET, ResourceKind.DAEMONSET, ResourceKind.REPLICASET,
                ResourceKind.JOB).contains(kind)) {
            throw new DoctorException(ExitCode.USAGE, "--probe works on a pod or on a deployment, statefulset,"
                    + " daemonset, replicaset or job, not on " + kind.resource());
        }
        JsonNode t = read(kind, ns, name).path("spec").path("template");
        if (!t.isObject()) {
            throw new DoctorException(ExitCode.DATA, kind.resource() + " " + ns + "/" + name + " has no pod template");
        }
        return t;
    }

    // Distinguishes RBAC's own 403 from a webhook that denies with 403: only RBAC names the verb and resource.
    private static boolean rbacRefusal(ApiException e) {
        return e.code() == 403 && String.valueOf(e.getMessage()).contains("cannot create resource \"pods\"");
    }

    private DoctorException failure(ApiException e, String verb, ResourceKind kind, String ns) {
        return Permissions.failure(e, api.server(), verb, kind, ns);
    }
}
