package io.injectordoctor.remedy.probe;

import com.fasterxml.jackson.databind.JsonNode;
import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.remedy.probe.ProbeResult.Outcome;
import java.util.ArrayList;
import java.util.List;

/** Reads the admission chain's answer (the pod it returned, or its error) against the reference verdict. */
public final class ProbeReading {
    static final String PROXY = IstioLayout.PROXY_CONTAINER;

    private ProbeReading() {
    }

    /** The pod came back: compare it with the pod that was sent. */
    public static ProbeResult returned(String subject, JsonNode sent, JsonNode back, Boolean referenceInject) {
        List<String> containers = added(sent, back, "containers");
        List<String> inits = added(sent, back, "initContainers");
        List<String> volumes = added(sent, back, "volumes");
        boolean nativeSidecar = names(back, "initContainers").contains(PROXY);
        boolean proxy = nativeSidecar || names(back, "containers").contains(PROXY);
        boolean status = back.path("metadata").path("annotations").has(ProbePods.STATUS_ANNOTATION);
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
        String sentName = sent.path("metadata").path("name").asText();
        return new ProbeResult(injected ? Outcome.INJECTED : Outcome.NOT_INJECTED, subject,
                sent.path("metadata").path("namespace").asText(), sentName, detail, null, null, containers, inits, volumes,
                status, nativeSidecar, referenceInject, referenceInject == null ? null : referenceInject == injected,
                List.of(), null);
    }

    /**
     * The API server refused the create. A rejection never agrees with the reference: the reference
     * predicts a pod that is created, with or without the sidecar; here no pod would be created at all.
     */
    public static ProbeResult rejected(String subject, JsonNode sent, int httpCode, String apiError, Boolean referenceInject) {
        String detail = "the API server would refuse to create this pod (HTTP " + httpCode + ")"
                + (apiError.contains("failed calling webhook") ? ": a webhook could not be called"
                        : apiError.contains("denied the request") ? ": a webhook denied it" : "");
        return new ProbeResult(Outcome.REJECTED, subject, sent.path("metadata").path("namespace").asText(),
                sent.path("metadata").path("name").asText(), detail, apiError, httpCode, List.of(), List.of(), List.of(),
                false, false, referenceInject, referenceInject == null ? null : false, List.of(), null);
    }

    private static List<String> added(JsonNode sent, JsonNode back, String field) {
        List<String> had = names(sent, field);
        List<String> out = new ArrayList<>();
        for (String n : names(back, field)) {
            if (!had.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private static List<String> names(JsonNode pod, String field) {
        List<String> out = new ArrayList<>();
        pod.path("spec").path(field).forEach(c -> out.add(c.path("name").asText()));
        return out;
    }
}
