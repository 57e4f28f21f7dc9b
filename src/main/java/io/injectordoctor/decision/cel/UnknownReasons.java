package io.injectordoctor.decision.cel;

import dev.cel.runtime.CelAttribute;
import io.injectordoctor.decision.AdmissionInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Why a condition could not be decided, from the unknown attributes its result depends on. */
final class UnknownReasons {
    private UnknownReasons() {
    }

    static String describe(Set<CelAttribute> attributes, AdmissionInput input) {
        Set<String> reasons = new TreeSet<>();
        for (CelAttribute a : attributes) {
            String s = a.toString();
            if (s.startsWith("request.userInfo")) {
                reasons.add("it reads " + s + ", and who creates the pod is not known: give --as USER (and --as-group)");
            } else if (s.startsWith("request.name")) {
                reasons.add("it reads request.name, and the pod's name at creation is not known here");
            } else if (s.startsWith("request.")) {
                reasons.add("it reads " + s + ", which injector-doctor does not model");
            } else if (s.startsWith("authorizer")) {
                reasons.add("it asks the authorizer, which only the API server can answer");
            } else if (s.startsWith("object")) {
                reasons.add("it reads " + s + ", and injector-doctor holds only " + held(input) + " of the pod");
            } else {
                reasons.add("it reads " + s + ", which is not known here");
            }
        }
        return String.join("; ", reasons);
    }

    private static String held(AdmissionInput input) {
        List<String> out = new ArrayList<>(input.knownObjectPaths());
        return String.join(", ", out);
    }
}
