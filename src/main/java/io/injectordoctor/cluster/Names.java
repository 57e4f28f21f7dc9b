package io.injectordoctor.cluster;

import java.util.regex.Pattern;

/**
 * Kubernetes' rules for names (RFC 1123), checked before a name goes into a request path: a
 * mistyped name is told as such instead of "not found", and nothing but a name reaches the URL.
 */
public final class Names {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private Names() {
    }

    /** Why this is not a namespace name (an RFC 1123 label), or null when it is one. */
    public static String namespaceProblem(String name) {
        if (name.length() > 63 || !LABEL.matcher(name).matches()) {
            return "'" + name + "' is not a namespace name: at most 63 lowercase letters, digits and '-', "
                    + "starting and ending with a letter or digit";
        }
        return null;
    }

    /** Why this is not an object name (an RFC 1123 subdomain, as pods and workloads have), or null. */
    public static String objectNameProblem(String kind, String name) {
        if (name.length() > 253 || !SUBDOMAIN.matcher(name).matches()) {
            return "'" + name + "' is not a " + kind + " name: lowercase letters, digits, '-' and '.', "
                    + "starting and ending with a letter or digit";
        }
        return null;
    }
}
