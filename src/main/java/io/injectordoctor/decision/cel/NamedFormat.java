package io.injectordoctor.decision.cel;

import io.injectordoctor.decision.LabelSyntax;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The named string formats of k8s.io/apiserver pkg/cel/library/format.go ({@code ConstantFormats}),
 * each validating as its Go counterpart does and giving the same problem texts.
 */
final class NamedFormat {
    private static final Pattern UUID = Pattern.compile(
            "(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$");

    static final Map<String, NamedFormat> ALL = Map.ofEntries(
            Map.entry("dns1123Label", new NamedFormat("DNS1123Label", LabelSyntax::dns1123LabelProblems)),
            Map.entry("dns1123Subdomain", new NamedFormat("DNS1123Subdomain", LabelSyntax::dns1123SubdomainProblems)),
            Map.entry("dns1035Label", new NamedFormat("DNS1035Label", LabelSyntax::dns1035LabelProblems)),
            Map.entry("qualifiedName", new NamedFormat("QualifiedName", LabelSyntax::labelKeyProblems)),
            Map.entry("dns1123LabelPrefix", new NamedFormat("DNS1123LabelPrefix",
                    s -> LabelSyntax.dns1123LabelProblems(maskTrailingDash(s)))),
            Map.entry("dns1123SubdomainPrefix", new NamedFormat("DNS1123SubdomainPrefix",
                    s -> LabelSyntax.dns1123SubdomainProblems(maskTrailingDash(s)))),
            Map.entry("dns1035LabelPrefix", new NamedFormat("DNS1035LabelPrefix",
                    s -> LabelSyntax.dns1035LabelProblems(maskTrailingDash(s)))),
            Map.entry("labelValue", new NamedFormat("LabelValue", LabelSyntax::labelValueProblems)),
            Map.entry("uri", new NamedFormat("URI", s -> {
                String err = GoUrl.requestUriError(s);
                return err == null ? List.of() : List.of(err);
            })),
            Map.entry("uuid", new NamedFormat("uuid",
                    s -> UUID.matcher(s).matches() ? List.of() : List.of("does not match the UUID format"))),
            Map.entry("byte", new NamedFormat("byte", s -> base64(s) ? List.of() : List.of("invalid base64"))),
            Map.entry("date", new NamedFormat("date", s -> date(s) ? List.of() : List.of("invalid date"))),
            Map.entry("datetime", new NamedFormat("datetime", s -> dateTime(s) ? List.of() : List.of("invalid datetime"))));

    final String name;
    final Function<String, List<String>> validate;

    private NamedFormat(String name, Function<String, List<String>> validate) {
        this.name = name;
        this.validate = validate;
    }

    /** apimachinery api/validation {@code maskTrailingDash}: a trailing dash stands for more name to come. */
    static String maskTrailingDash(String name) {
        if (name.length() > 1 && name.endsWith("-")) {
            return name.substring(0, name.length() - 2) + "a";
        }
        return name;
    }

    private static boolean base64(String s) {
        try {
            Base64.getDecoder().decode(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean date(String s) {
        try {
            LocalDate.parse(s);
            return s.length() == 10;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean dateTime(String s) {
        try {
            OffsetDateTime.parse(s.replace(' ', 'T'));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
