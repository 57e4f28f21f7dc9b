package io.injectordoctor.decision;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The syntax Kubernetes requires of label keys and values and of DNS names, with its own wording
 * of each problem (k8s.io/apimachinery pkg/api/validate/content: kube.go {@code IsLabelKey} and
 * {@code IsLabelValue}, dns.go {@code IsDNS1123Subdomain} and {@code IsDNS1123Label},
 * errors.go {@code RegexError} and {@code MaxLenError}; util/validation/validation.go
 * {@code IsDNS1035Label}). Lengths are counted in bytes of UTF-8, as Go's {@code len} does.
 */
public final class LabelSyntax {
    static final String LABEL_KEY_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    static final String LABEL_VALUE_FMT = "(" + LABEL_KEY_FMT + ")?";
    static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    static final String DNS1123_SUBDOMAIN_FMT = DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
    static final String DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";

    private static final Pattern LABEL_KEY = Pattern.compile(LABEL_KEY_FMT);
    private static final Pattern LABEL_VALUE = Pattern.compile(LABEL_VALUE_FMT);
    private static final Pattern DNS1123_LABEL = Pattern.compile(DNS1123_LABEL_FMT);
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN_FMT);
    private static final Pattern DNS1035_LABEL = Pattern.compile(DNS1035_LABEL_FMT);
    private static final String LABEL_KEY_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and"
            + " end with an alphanumeric character";
    private static final String LABEL_VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric"
            + " characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private static final String DNS1123_SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case"
            + " alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    private static final String DNS1123_LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric"
            + " characters or '-', and must start and end with an alphanumeric character";
    private static final String DNS1035_LABEL_MSG = "a DNS-1035 label must consist of lower case alphanumeric characters"
            + " or '-', start with an alphabetic character, and end with an alphanumeric character";

    private LabelSyntax() {
    }

    /** kube.go {@code IsLabelKey} (also {@code IsQualifiedName}): an optional DNS-subdomain prefix, '/', and a name. */
    public static List<String> labelKeyProblems(String value) {
        List<String> errs = new ArrayList<>();
        String[] parts = value.split("/", -1);
        String name;
        switch (parts.length) {
            case 1 -> name = parts[0];
            case 2 -> {
                String prefix = parts[0];
                name = parts[1];
                if (prefix.isEmpty()) {
                    errs.add("prefix part must be non-empty");
                } else {
                    dns1123SubdomainProblems(prefix).forEach(m -> errs.add("prefix part " + m));
                }
            }
            default -> {
                errs.add("a valid label key " + regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, "MyName", "my.name", "123-abc")
                        + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
                return errs;
            }
        }
        if (name.isEmpty()) {
            errs.add("name part must be non-empty");
        } else if (bytes(name) > 63) {
            errs.add("name part " + maxLenError(63));
        }
        if (!LABEL_KEY.matcher(name).matches()) {
            errs.add("name part " + regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, "MyName", "my.name", "123-abc"));
        }
        return errs;
    }

    /** kube.go {@code IsLabelValue}: at most 63 bytes, empty or alphanumeric at both ends. */
    public static List<String> labelValueProblems(String value) {
        List<String> errs = new ArrayList<>();
        if (bytes(value) > 63) {
            errs.add(maxLenError(63));
        }
        if (!LABEL_VALUE.matcher(value).matches()) {
            errs.add(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
        }
        return errs;
    }

    /** dns.go {@code IsDNS1123Subdomain}: at most 253 bytes of lower-case labels joined by dots. */
    public static List<String> dns1123SubdomainProblems(String value) {
        List<String> errs = new ArrayList<>();
        if (bytes(value) > 253) {
            errs.add(maxLenError(253));
        }
        if (!DNS1123_SUBDOMAIN.matcher(value).matches()) {
            errs.add(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, "example.com"));
        }
        return errs;
    }

    /** dns.go {@code IsDNS1123Label}: at most 63 bytes; a valid subdomain that is not a label has dots. */
    public static List<String> dns1123LabelProblems(String value) {
        List<String> errs = new ArrayList<>();
        if (bytes(value) > 63) {
            errs.add(maxLenError(63));
        }
        if (!DNS1123_LABEL.matcher(value).matches()) {
            errs.add(DNS1123_SUBDOMAIN.matcher(value).matches() ? "must not contain dots"
                    : regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, "my-name", "123-abc"));
        }
        return errs;
    }

    /** validation.go {@code IsDNS1035Label}: like an RFC 1123 label, starting with a letter. */
    public static List<String> dns1035LabelProblems(String value) {
        List<String> errs = new ArrayList<>();
        if (bytes(value) > 63) {
            errs.add(maxLenError(63));
        }
        if (!DNS1035_LABEL.matcher(value).matches()) {
            errs.add(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, "my-name", "abc-123"));
        }
        return errs;
    }

    /** errors.go {@code RegexError}: the message, its examples and the regular expression, in Go's words. */
    static String regexError(String msg, String re, String... examples) {
        if (examples.length == 0) {
            return msg + " (regex used for validation is '" + re + "')";
        }
        StringBuilder b = new StringBuilder(msg).append(" (e.g. ");
        for (int i = 0; i < examples.length; i++) {
            if (i > 0) {
                b.append(" or ");
            }
            b.append('\'').append(examples[i]).append("', ");
        }
        return b.append("regex used for validation is '").append(re).append("')").toString();
    }

    static String maxLenError(int length) {
        return "must be no more than " + length + " bytes";
    }

    static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
