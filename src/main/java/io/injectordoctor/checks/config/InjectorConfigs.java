package io.injectordoctor.checks.config;

import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.checks.InjectionHooks;
import io.injectordoctor.checks.Subjects;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.decision.InjectorInstall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The injector ConfigMaps the active hooks need: one per (namespace, revision), with the hooks that need it. */
final class InjectorConfigs {
    /** What every injector-config check reads: the hooks, and the ConfigMaps they lead to. */
    static final Set<ResourceKind> READS = Set.of(ResourceKind.MUTATING_WEBHOOK_CONFIGURATION, ResourceKind.CONFIGMAP);

    private InjectorConfigs() {
    }

    record Needed(String namespace, String revision, List<String> hooks) {
        String configMap() {
            return namespace + "/" + IstioLayout.injectorConfigMap(revision);
        }

        /** The ConfigMap as the subject of a finding. */
        String subject() {
            return Subjects.of("ConfigMap", namespace, IstioLayout.injectorConfigMap(revision));
        }
    }

    /** A config the hooks need and that parses, with what needs it. */
    record Parsed(Needed needed, io.injectordoctor.decision.InjectorConfig config) {
    }

    /** The configs the hooks need that exist and parse: what the policy and selector checks read. */
    static List<Parsed> parsed(CheckContext context) {
        InjectorInstall install = context.install();
        List<Parsed> out = new java.util.ArrayList<>();
        for (Needed n : needed(context)) {
            install.config(n.namespace(), n.revision()).filter(io.injectordoctor.decision.InjectorConfig::parsed)
                    .ifPresent(c -> out.add(new Parsed(n, c)));
        }
        return out;
    }

    /** Worked out once per run: every injector-config check asks for it. */
    static List<Needed> needed(CheckContext context) {
        return context.shared(Needed.class, () -> collect(context));
    }

    private static List<Needed> collect(CheckContext context) {
        InjectorInstall install = context.install();
        Map<List<String>, List<String>> byKey = new LinkedHashMap<>();
        for (InjectionHooks.Hook h : context.activeHooks()) {
            byKey.computeIfAbsent(List.of(install.namespaceOf(h.webhook()), h.revision()), k -> new ArrayList<>())
                    .add(h.subject());
        }
        List<Needed> out = new ArrayList<>();
        byKey.forEach((k, hooks) -> out.add(new Needed(k.get(0), k.get(1), List.copyOf(hooks))));
        return out;
    }
}
