package io.injectordoctor.remedy.probe;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributesBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.cluster.ApiException;
import io.injectordoctor.cluster.Permissions;
import io.injectordoctor.cluster.ResourceKind;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * {@code explain --probe}: sends the subject's pod through the real admission chain as a
 * server-side dry run ({@code dryRun=All}) and reads what came back. Only dry-run requests are
 * sent; nothing is created. Refuses (without sending the create) when a mutating hook that could
 * be called for a pod create declares side effects, or when creating pods is not allowed.
 */
public final class DryRunProbe {
    private final KubernetesClient client;
    private final RandomGenerator random;

    public DryRunProbe(KubernetesClient client, RandomGenerator random) {
        this.client = client;
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
        Pod sent = kind == ResourceKind.POD ? ProbePods.fromPod(readPod(namespace, name), ProbePods.freshName(name, random))
                : ProbePods.fromTemplate(template(kind, namespace, name), namespace, ProbePods.freshName(name, random));
        try {
            Pod back = client.pods().inNamespace(namespace).resource(sent).dryRun().create();
            return ProbeReading.returned(subject, sent, back, reference);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 0 || e.getCode() == 401 || rbacRefusal(e)) {
                throw failure(e, "create", ResourceKind.POD, namespace);
            }
            return ProbeReading.rejected(subject, sent, e.getCode(), serverMessage(e), reference);
        }
    }

    /** Asks first, so that a missing permission is named instead of showing up as a rejection. */
    private boolean mayCreatePods(String namespace) {
        SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder().withNewSpec()
                .withResourceAttributes(new ResourceAttributesBuilder().withNamespace(namespace).withVerb("create")
                        .withGroup("").withResource("pods").build())
                .endSpec().build();
        try {
            SelfSubjectAccessReview answer = client.authorization().v1().selfSubjectAccessReview().create(review);
            return answer != null && answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403 || e.getCode() == 404) {
                // A server that will not answer the question leaves the dry run itself to answer it.
                return true;
            }
            throw new DoctorException(e.getCode() == 0 ? ExitCode.UNAVAILABLE : e.getCode() == 401 ? ExitCode.NOPERM
                    : ExitCode.UNAVAILABLE, "the API server failed to create selfsubjectaccessreviews.authorization.k8s.io: "
                    + (e.getCode() == 0 ? "" : "HTTP " + e.getCode() + ": ") + serverMessage(e), e);
        }
    }

    private List<MutatingWebhookConfiguration> webhookConfigurations() {
        try {
            return client.admissionRegistration().v1().mutatingWebhookConfigurations().list().getItems();
        } catch (KubernetesClientException e) {
            throw failure(e, "list", ResourceKind.MUTATING_WEBHOOK_CONFIGURATION, null);
        }
    }

    private Pod readPod(String namespace, String name) {
        return found(get(ResourceKind.POD, namespace,
                () -> client.pods().inNamespace(namespace).withName(name).get()), ResourceKind.POD, namespace, name);
    }

    private PodTemplateSpec template(ResourceKind kind, String ns, String name) {
        PodTemplateSpec t = switch (kind) {
            case DEPLOYMENT -> found(get(kind, ns, () -> client.apps().deployments().inNamespace(ns).withName(name).get()),
                    kind, ns, name).getSpec().getTemplate();
            case STATEFULSET -> found(get(kind, ns, () -> client.apps().statefulSets().inNamespace(ns).withName(name).get()),
                    kind, ns, name).getSpec().getTemplate();
            case DAEMONSET -> found(get(kind, ns, () -> client.apps().daemonSets().inNamespace(ns).withName(name).get()),
                    kind, ns, name).getSpec().getTemplate();
            case REPLICASET -> found(get(kind, ns, () -> client.apps().replicaSets().inNamespace(ns).withName(name).get()),
                    kind, ns, name).getSpec().getTemplate();
            case JOB -> found(get(kind, ns, () -> client.batch().v1().jobs().inNamespace(ns).withName(name).get()),
                    kind, ns, name).getSpec().getTemplate();
            default -> throw new DoctorException(ExitCode.USAGE, "--probe works on a pod or on a deployment, statefulset,"
                    + " daemonset, replicaset or job, not on " + kind.resource());
        };
        if (t == null) {
            throw new DoctorException(ExitCode.DATA, kind.resource() + " " + ns + "/" + name + " has no pod template");
        }
        return t;
    }

    private <T> T get(ResourceKind kind, String ns, Supplier<T> read) {
        try {
            return read.get();
        } catch (KubernetesClientException e) {
            throw failure(e, "get", kind, ns);
        }
    }

    private static <T extends HasMetadata> T found(T object, ResourceKind kind, String ns, String name) {
        if (object == null) {
            throw new DoctorException(ExitCode.USAGE, kind.resource().substring(0, kind.resource().length() - 1)
                    .toLowerCase(Locale.ROOT) + " " + ns + "/" + name + " not found");
        }
        return object;
    }

    // Distinguishes RBAC's own 403 from a webhook that denies with 403: only RBAC names the verb and resource.
    private static boolean rbacRefusal(KubernetesClientException e) {
        return e.getCode() == 403 && serverMessage(e).contains("cannot create resource \"pods\"");
    }

    static String serverMessage(KubernetesClientException e) {
        if (e.getStatus() != null && e.getStatus().getMessage() != null) {
            return e.getStatus().getMessage();
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    private static DoctorException failure(KubernetesClientException e, String verb, ResourceKind kind, String ns) {
        if (e.getCode() == 0) {
            Throwable t = e;
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            return new DoctorException(ExitCode.UNAVAILABLE, "cannot reach the API server (" + verb + " "
                    + kind.resource() + "): " + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()), e);
        }
        return Permissions.failure(new ApiException(e.getCode(), verb, "", serverMessage(e), e),
                "the API server", verb, kind, ns);
    }
}
