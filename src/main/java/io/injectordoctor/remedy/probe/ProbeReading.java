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
        return new ProbeResult(injected ? Outcome.INJECTED : Outcome.NOT_INJECTED, subject,
                sent.getMetadata().getNamespace(), sentName, detail, null, null, containers, inits, volumes, status,
                nativeSidecar, referenceInject, referenceInject == null ? null : referenceInject == injected, List.of(), null);
    }

    /**
     * The API server refused the create. A rejection never agrees with the reference: the reference
     * predicts a pod that is created, with or without the sidecar; here no pod would be created at all.
     */
    public static ProbeResult rejected(String subject, Pod sent, int httpCode, String apiError, Boolean referenceInject) {
        String detail = "the API server would refuse to create this pod (HTTP " + httpCode + ")"
                + (apiError.contains("failed calling webhook") ? ": a webhook could not be called"
                        : apiError.contains("denied the request") ? ": a webhook denied it" : "");
        return new ProbeResult(Outcome.REJECTED, subject, sent.getMetadata().getNamespace(), sent.getMetadata().getName(),
                detail, apiError, httpCode, List.of(), List.of(), List.of(), false, false, referenceInject,
                referenceInject == null ? null : false, List.of(), null);
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
