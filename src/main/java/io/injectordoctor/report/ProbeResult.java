package io.injectordoctor.report;

import io.injectordoctor.DoctorException;
import java.util.List;

/**
 * What the live admission chain did with a dry-run create of the subject's pod, beside the
 * reference verdict. Rendered as the {@code "probe"} object of {@code explain --probe}.
 *
 * @param outcome INJECTED (the returned pod has istio-proxy or the status annotation), NOT_INJECTED,
 *     REJECTED (the API server refused the create; {@code apiError} is its message verbatim) or
 *     REFUSED (no request was sent: a hook has side effects, or create pods is not allowed)
 * @param subject "pod/NAME" or "deployment/NAME", as asked
 * @param namespace where the probe pod was (or would have been) created
 * @param probePod the fresh name the dry-run pod carried; null when REFUSED
 * @param detail one sentence saying what happened
 * @param apiError the API server's message, verbatim, when REJECTED; else null
 * @param httpCode the HTTP status of a rejection; else null
 * @param containersAdded containers the admission chain added (e.g. istio-proxy)
 * @param initContainersAdded init containers it added (istio-init, istio-validation, or istio-proxy as a native sidecar)
 * @param volumesAdded volumes it added
 * @param statusAnnotation whether the returned pod carries sidecar.istio.io/status
 * @param nativeSidecar whether istio-proxy came back as an init container (native sidecar)
 * @param referenceInject the reference verdict (true: inject), null when not known
 * @param agrees whether the live chain agrees with the reference; null when it cannot be compared. A
 *     rejection agrees with a reference that predicts the API server refuses the CREATE, and with no other
 * @param referenceAdmission the reference's admission outcome: called, not-called, refused or unknown (null when not given)
 * @param referenceRefusal the reference's predicted refusal message, when it predicts one
 * @param blockingHooks when REFUSED for side effects: "configuration/hook (sideEffects: X)" entries
 * @param exitCode when REFUSED: the exit code the CLI ends with (64 side effects, 77 permission); else null
 * @param cause when REJECTED at an injection webhook: the class of the API server's error, as check classifies
 *     events (docs/webhook-errors.md), for example {@code template-not-found}; else null
 */
public record ProbeResult(Outcome outcome, String subject, String namespace, String probePod, String detail,
        String apiError, Integer httpCode, List<String> containersAdded, List<String> initContainersAdded,
        List<String> volumesAdded, boolean statusAnnotation, boolean nativeSidecar, Boolean referenceInject,
        Boolean agrees, List<String> blockingHooks, Integer exitCode, String referenceAdmission,
        String referenceRefusal, String cause) {

    public enum Outcome { INJECTED, NOT_INJECTED, REJECTED, REFUSED }

    public ProbeResult {
        containersAdded = List.copyOf(containersAdded);
        initContainersAdded = List.copyOf(initContainersAdded);
        volumesAdded = List.copyOf(volumesAdded);
        blockingHooks = List.copyOf(blockingHooks);
    }

    public ProbeResult(Outcome outcome, String subject, String namespace, String probePod, String detail,
            String apiError, Integer httpCode, List<String> containersAdded, List<String> initContainersAdded,
            List<String> volumesAdded, boolean statusAnnotation, boolean nativeSidecar, Boolean referenceInject,
            Boolean agrees, List<String> blockingHooks, Integer exitCode, String referenceAdmission,
            String referenceRefusal) {
        this(outcome, subject, namespace, probePod, detail, apiError, httpCode, containersAdded, initContainersAdded,
                volumesAdded, statusAnnotation, nativeSidecar, referenceInject, agrees, blockingHooks, exitCode,
                referenceAdmission, referenceRefusal, null);
    }

    public static ProbeResult refused(String subject, String namespace, String detail, List<String> hooks, int exitCode,
            Boolean referenceInject) {
        // No request was sent: nothing to compare.
        return new ProbeResult(Outcome.REFUSED, subject, namespace, null, detail, null, null, List.of(), List.of(),
                List.of(), false, false, referenceInject, null, hooks, exitCode, null, null);
    }

    public boolean refused() {
        return outcome == Outcome.REFUSED;
    }

    /** The live chain was asked and its answer differs from the reference verdict: a finding (exit 1). */
    public boolean disagrees() {
        return Boolean.FALSE.equals(agrees);
    }

    /** Ends the command with the refusal's exit code and message; does nothing when a probe was sent. */
    public ProbeResult orThrow() {
        if (refused()) {
            throw new DoctorException(exitCode, detail);
        }
        return this;
    }
}
