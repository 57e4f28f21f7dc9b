package io.injectordoctor.checks;

import java.util.Comparator;
import java.util.List;

/** The order in which categories run and print, from "can we read the cluster" to "what went wrong". */
public final class Categories {
    public static final String KUBERNETES_API = "kubernetes-api";
    public static final String INJECTION_WEBHOOKS = "injection-webhooks";
    public static final String INJECTOR_CONFIG = "injector-config";
    public static final String NAMESPACES = "namespaces";
    public static final String WORKLOADS = "workloads";
    public static final String PODS = "pods";
    public static final String CERTIFICATES = "certificates";
    public static final String INJECTOR_HEALTH = "injector-health";
    public static final String EVENTS = "events";
    /** Where checks of an unknown category (plugins) go: after all built-in ones. */
    public static final String PLUGINS = "plugins";

    public static final List<String> ORDER = List.of(KUBERNETES_API, INJECTION_WEBHOOKS, INJECTOR_CONFIG, NAMESPACES,
            WORKLOADS, PODS, CERTIFICATES, INJECTOR_HEALTH, EVENTS);

    private Categories() {
    }

    /** Known categories in their order, then any other category in alphabetical order. */
    public static final Comparator<String> COMPARATOR = Comparator
            .comparingInt((String c) -> ORDER.contains(c) ? ORDER.indexOf(c) : ORDER.size())
            .thenComparing(Comparator.naturalOrder());
}
