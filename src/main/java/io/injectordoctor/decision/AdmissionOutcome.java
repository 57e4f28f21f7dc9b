package io.injectordoctor.decision;

import java.util.Locale;

/**
 * What the API server does with a pod CREATE at the injection hooks: calls an injector, calls
 * none, refuses the CREATE before or instead of calling the injector (so the pod is not created),
 * or something the tool cannot know decides it.
 */
public enum AdmissionOutcome {
    CALLED, NOT_CALLED, REFUSED, UNKNOWN;

    /** "called", "not-called", "refused", "unknown": the word the JSON output uses. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
