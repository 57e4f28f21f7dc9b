package io.injectordoctor.checks;

import io.injectordoctor.model.ObjectMeta;

/**
 * How a finding names its object: "Kind namespace/name", or "Kind name" when cluster-scoped.
 * Suppression reads subjects back with {@link #parse(String)}, so every check must build them here.
 */
public final class Subjects {
    private Subjects() {
    }

    public static String of(String kind, ObjectMeta meta) {
        return of(kind, meta.namespace(), meta.name());
    }

    public static String of(String kind, String namespace, String name) {
        return kind + " " + (namespace == null || namespace.isEmpty() ? name : namespace + "/" + name);
    }

    public static String namespace(String name) {
        return of("Namespace", null, name);
    }

    /** A hook inside a MutatingWebhookConfiguration: "MutatingWebhookConfiguration cfg, hook name". */
    public static String hook(String configuration, String hook) {
        return "MutatingWebhookConfiguration " + configuration + ", hook " + hook;
    }

    /** The parts of a subject; {@code namespace} is null for cluster-scoped objects. */
    public record Parsed(String kind, String namespace, String name) {
    }

    public static Parsed parse(String subject) {
        int space = subject.indexOf(' ');
        if (space < 0) {
            return new Parsed(subject, null, null);
        }
        String kind = subject.substring(0, space);
        String rest = subject.substring(space + 1);
        int end = rest.indexOf(',');
        String ref = end < 0 ? rest : rest.substring(0, end);
        if ("Namespace".equals(kind)) {
            return new Parsed(kind, ref, ref);
        }
        int slash = ref.indexOf('/');
        return slash < 0 ? new Parsed(kind, null, ref)
                : new Parsed(kind, ref.substring(0, slash), ref.substring(slash + 1));
    }
}
