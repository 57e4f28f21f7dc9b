package io.injectordoctor.remedy.probe;

import io.injectordoctor.report.ProbeResult;
import com.fasterxml.jackson.databind.JsonNode;
import io.injectordoctor.checks.events.AdmissionError;
import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.report.ProbeResult.Outcome;
import java.util.ArrayList;
import java.util.List;

/** Reads the admission chain's answer (the pod it returned, or its error) against the reference verdict. */
public final class ProbeReading {
    static final String PROXY = IstioLayout.PROXY_CONTAINER;

    private ProbeReading() {
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
            return "unknown".equals(admission) || (inject == null && !refused());
        }
    }

    public static ProbeResult returned(String subject, JsonNode sent, JsonNode back, Boolean referenceInject) {
        return returned(subject, sent, back, Reference.of(referenceInject));
    }

    /** The pod came back: compare it with the pod that was sent. */
    public static ProbeResult returned(String subject, JsonNode sent, JsonNode back, Reference reference) {
        Boolean referenceInject = reference.inject();
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
        // A reference that predicts a refusal disagrees with a chain that created the pod.
        Boolean agrees = reference.refused() ? Boolean.FALSE : reference.unknown() ? null : referenceInject == injected;
        if (reference.refused()) {
            detail += "; the reference predicts the API server refuses it: " + reference.refusal();
        }
        String sentName = sent.path("metadata").path("name").asText();
        return new ProbeResult(injected ? Outcome.INJECTED : Outcome.NOT_INJECTED, subject,
                sent.path("metadata").path("namespace").asText(), sentName, detail, null, null, containers, inits, volumes,
                status, nativeSidecar, referenceInject, agrees, List.of(), null, reference.admission(), reference.refusal());
    }

    public static ProbeResult rejected(String subject, JsonNode sent, int httpCode, String apiError, Boolean referenceInject) {
        return rejected(subject, sent, httpCode, apiError, Reference.of(referenceInject));
    }

    /**
     * The API server refused the create. A rejection agrees only with a reference that predicts it:
     * otherwise the reference predicts a pod that is created, with or without the sidecar.
     */
    public static ProbeResult rejected(String subject, JsonNode sent, int httpCode, String apiError, Reference reference) {
        String sentName = sent.path("metadata").path("name").asText();
        AdmissionError cause = AdmissionError.aboutInjection(apiError) ? AdmissionError.classify(apiError) : null;
        String detail = "the API server would refuse to create this pod (HTTP " + httpCode + ")"
                + (apiError.contains("failed calling webhook") ? ": a webhook could not be called"
                        : apiError.contains("denied the request") ? ": a webhook denied it" : "")
                + (cause == null ? "" : "; cause: " + cause.title());
        if (reference.refused()) {
            detail += sameRefusal(apiError, reference.refusal(), sentName) ? ", as the reference predicts, with the same message"
                    : ", as the reference predicts, but the reference's message differs: " + reference.refusal();
        }
        Boolean agrees = reference.refused() ? Boolean.TRUE : reference.unknown() ? null : Boolean.FALSE;
        return new ProbeResult(Outcome.REJECTED, subject, sent.path("metadata").path("namespace").asText(), sentName,
                detail, apiError, httpCode, List.of(), List.of(), List.of(), false, false, reference.inject(), agrees,
                List.of(), null, reference.admission(), reference.refusal(), cause == null ? null : cause.code());
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
        return expected.equals(apiError) || predicted.equals(apiError) || sameTemplateList(apiError, predicted);
    }

    /** istiod lists the templates it has in Go map order, which varies: the same names in any order are the same answer. */
    private static boolean sameTemplateList(String apiError, String predicted) {
        String have = "; have ";
        int a = apiError.lastIndexOf(have);
        int p = predicted.lastIndexOf(have);
        if (a < 0 || p < 0 || !apiError.substring(0, a).equals(predicted.substring(0, p))) {
            return false;
        }
        return names(apiError.substring(a + have.length())).equals(names(predicted.substring(p + have.length())));
    }

    private static java.util.Set<String> names(String list) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String n : list.strip().split(",", -1)) {
            out.add(n.strip());
        }
        return out;
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
