package io.injectordoctor.decision;

import static io.injectordoctor.decision.Reason.evidence;

import io.injectordoctor.mesh.InjectorTemplates;
import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.mesh.IstioVersion;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The last step of stage B for a pod the injector injects: the templates it renders. A name it does
 * not have makes istiod deny the request (inject.go {@code RunTemplate}: {@code requested template %q
 * not found; have %v}, wrapped by webhook.go {@code injectPod} in {@code failed to run injection
 * template: }), and the API server refuses the CREATE.
 */
final class TemplateCheck {
    private TemplateCheck() {
    }

    /** The refusal when a selected template is unknown; null when every one is known. Traces what it read. */
    static Refusal check(InjectionSubject pod, InjectorConfig config, InjectionHook facts, HookEvaluation hook,
            List<Reason> reasons) {
        IstioVersion version = facts.info.version() == null ? null : IstioVersion.parse(facts.info.version()).orElse(null);
        boolean named = pod.annotations().containsKey(IstioLayout.TEMPLATES);
        if (!InjectorTemplates.readsTemplateAnnotation(version)) {
            return null;
        }
        InjectorConfig.Templates t = config.templates();
        List<String> selected = InjectorTemplates.selected(pod.annotations(), t.defaults(), t.aliases());
        Set<String> known = new TreeSet<>(InjectorTemplates.known(t.names()));
        for (String name : selected) {
            if (!known.contains(name)) {
                String have = String.join(", ", known);
                String error = "failed to run injection template: requested template " + GoText.quote(name)
                        + " not found; have " + have;
                String source = named ? IstioLayout.TEMPLATES + "=" + pod.annotations().get(IstioLayout.TEMPLATES)
                        : "defaultTemplates of " + config.source();
                Refusal r = Refusal.deniedByInjector(ReasonCode.TEMPLATE_NOT_FOUND, hook.configuration(), hook.name(), error);
                reasons.add(Reason.of(ReasonCode.TEMPLATE_NOT_FOUND, evidence("template", name, "requested", selected,
                        "known", List.copyOf(known), "configMap", config.source(), "httpCode", r.httpCode(),
                        "message", r.message()), facts.info.revision(), name, source));
                return r;
            }
        }
        if (named) {
            reasons.add(Reason.of(ReasonCode.TEMPLATES_SELECTED, evidence("templates", selected, "annotation",
                    pod.annotations().get(IstioLayout.TEMPLATES)), String.join(", ", selected),
                    IstioLayout.TEMPLATES + "=" + pod.annotations().get(IstioLayout.TEMPLATES)));
        }
        return null;
    }
}
