package io.injectordoctor.decision;

/**
 * Why the API server rejects a pod CREATE, as it would answer it: the HTTP status, the Status
 * reason ({@code InternalError}, {@code Forbidden}) and the message word for word. {@code code}
 * says which rule refused (an invalid selector, a matchCondition error under failurePolicy Fail);
 * a refusal by the injector itself is one more code. {@code hook} is "configuration/hook".
 */
public record Refusal(ReasonCode code, String hook, int httpCode, String statusReason, String message) {

    /** "HTTP 500 InternalError", or "HTTP 400" when the Status carries no reason. */
    public String status() {
        return "HTTP " + httpCode + (statusReason == null || statusReason.isEmpty() ? "" : " " + statusReason);
    }

    /** An error the API server wraps with {@code apierrors.NewInternalError}: HTTP 500. */
    static Refusal internalError(ReasonCode code, String hook, String error) {
        return new Refusal(code, hook, 500, "InternalError", "Internal error occurred: " + error);
    }

    /**
     * The injector answered {@code allowed: false} with its error as the message and no code
     * (webhook.go {@code toAdmissionResponse}); the API server prefixes the hook's name and raises a
     * code below 400 to 400, with no reason (apiserver webhook/errors/statuserror.go {@code ToStatusErr}).
     */
    static Refusal deniedByInjector(ReasonCode code, String configuration, String hookName, String error) {
        return new Refusal(code, configuration + "/" + hookName, 400, "",
                "admission webhook " + GoText.quote(hookName) + " denied the request: " + error);
    }

    /**
     * {@code apierrors.NewForbidden(pods, name, err)}: HTTP 403. The name is the one in the request,
     * empty when the pod's name is generated after admission (generateName); null when unknown.
     */
    static Refusal forbidden(ReasonCode code, String hook, String podName, String error) {
        String subject = podName == null ? "pods \"<name>\"" : podName.isEmpty() ? "pods" : "pods " + GoText.quote(podName);
        return new Refusal(code, hook, 403, "Forbidden", subject + " is forbidden: " + error);
    }
}
