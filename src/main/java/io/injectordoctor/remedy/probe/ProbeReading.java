package io.injectordoctor.remedy.probe;

import io.injectordoctor.mesh.IstioLayout;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.injectordoctor.remedy.probe.ProbeResult.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads the admission chain's answer (the pod it returned, or its error) against the reference verdict. */
public final class ProbeReading {
    static final String PROXY = IstioLayout.PROXY_CONTAINER;

    private ProbeReading() {
    }

    /** The pod came back: compare it with the pod that was sent. */
    public static ProbeResult returned(String subject, Pod sent, Pod back, Boolean referenceInject) {
        return returned(subject, sent, back, Reference.of(referenceInject));
    }

    /**
     * What the reference predicts: inject (null when unknown), the admission outcome, and the
     * refusal message when it predicts a refusal.
     */
    public record Reference(Boolean inject, String admission, String refusal) {
        static Reference of(Boolean inject) {
            return new Reference(inject, inject == null ? "unknown" : inject ? "called" : "not-called", null);
        }

        boolean refused() {
            return "refused".equals(admission);
        }

        boolean unknown() {
            return "unknown".equals(admission) || inject == null && !refused();
        }
    }

    public static ProbeResult returned(String subject, Pod sent, Pod back, Reference reference) {
        Boolean referenceInject = reference.inject();
        List<String> containers = added(sent.getSpec().getContainers(), back.getSpec().getContainers(), Container::getName);
        List<String> inits = added(sent.getSpec().getInitContainers(), back.getSpec().getInitContainers(),
                Container::getName);
        List<String> volumes = added(sent.getSpec().getVolumes(), back.getSpec().getVolumes(), Volume::getName);
        boolean nativeSidecar = has(back.getSpec().getInitContainers(), PROXY);
        boolean proxy = nativeSidecar || has(back.getSpec().getContainers(), PROXY);
        Map<String, String> annotations = back.getMetadata() == null ? null : back.getMetadata().getAnnotations();
        boolean status = annotations != null && annotations.containsKey(ProbePods.STATUS_ANNOTATION);
        boolean injected = proxy || status;
        String detail;
        if (proxy && status) {
            detail = "the live admission chain injects: istio-proxy" + (nativeSidecar ? " (native sidecar init container)" : "")
                    + " and " + ProbePods.STATUS_ANNOTATION + " were added";
        } else if (proxy) {
            detail = "the live admission chain adds istio-proxy but no " + ProbePods.STATUS_ANNOTATION
                    + " annotation (not Istio's injector, or a modified one)";
        } else if (status) {
            detail = "the live admission chain adds " + ProbePods.STATUS_ANNOTATION + " but no istio-proxy container";
        } else {
            detail = "the live admission chain does not inject: the pod comes back without istio-proxy";
        }
        String sentName = sent.getMetadata().getName();
        // A reference that predicts a refusal disagrees with a chain that created the pod.
        Boolean agrees = reference.refused() ? Boolean.FALSE : reference.unknown() ? null : referenceInject == injected;
        if (reference.refused()) {
            detail += "; the reference predicts the API server refuses it: " + reference.refusal();
        }
        return new ProbeResult(injected ? Outcome.INJECTED : Outcome.NOT_INJECTED, subject,
                sent.getMetadata().getNamespace(), sentName, detail, null, null, containers, inits, volumes, status,
                nativeSidecar, referenceInject, agrees, List.of(), null, reference.admission(), reference.refusal());
    }

    public static ProbeResult rejected(String subject, Pod sent, int httpCode, String apiError, Boolean referenceInject) {
        return rejected(subject, sent, httpCode, apiError, Reference.of(referenceInject));
    }

    /**
     * The API server refused the create. That agrees with a reference that predicts a refusal (the
     * detail says whether the messages are the same), and with no other: a reference that predicts
     * a call or none predicts a pod that is created, with or without the sidecar.
     */
    public static ProbeResult rejected(String subject, Pod sent, int httpCode, String apiError, Reference reference) {
        String detail = "the API server would refuse to create this pod (HTTP " + httpCode + ")"
                + (apiError.contains("failed calling webhook") ? ": a webhook could not be called"
                        : apiError.contains("denied the request") ? ": a webhook denied it" : "");
        if (reference.refused()) {
            detail += sameRefusal(apiError, reference.refusal(), sent.getMetadata().getName()) ? ", as the reference predicts, with the same message"
                    : ", as the reference predicts, but the reference's message differs: " + reference.refusal();
        }
        Boolean agrees = reference.refused() ? Boolean.TRUE : reference.unknown() ? null : Boolean.FALSE;
        return new ProbeResult(Outcome.REJECTED, subject, sent.getMetadata().getNamespace(), sent.getMetadata().getName(),
                detail, apiError, httpCode, List.of(), List.of(), List.of(), false, false, reference.inject(), agrees,
                List.of(), null, reference.admission(), reference.refusal());
    }

    /**
     * Whether the live refusal says what the reference predicted. A Forbidden message names the pod,
     * and the probe's pod carries a fresh name, so the reference's {@code pods "NAME"} is read as the
     * probe pod's.
     */
    static boolean sameRefusal(String apiError, String predicted, String probePod) {
        if (predicted == null) {
            return false;
        }
        String expected = predicted.replaceFirst("^pods (\"[^\"]*\" )?is forbidden: ",
                java.util.regex.Matcher.quoteReplacement("pods \"" + probePod + "\" is forbidden: "));
        return expected.equals(apiError) || predicted.equals(apiError);
    }

    private static <T> List<String> added(List<T> before, List<T> after, Function<T, String> name) {
        List<String> had = before == null ? List.of() : before.stream().map(name).toList();
        List<String> out = new ArrayList<>();
        if (after != null) {
            for (T t : after) {
                String n = name.apply(t);
                if (!had.contains(n)) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    private static boolean has(List<Container> containers, String name) {
        return containers != null && containers.stream().anyMatch(c -> name.equals(c.getName()));
    }
}
