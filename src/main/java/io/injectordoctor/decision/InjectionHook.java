package io.injectordoctor.decision;

import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.model.Webhook;
import io.injectordoctor.model.WebhookConfiguration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What does not depend on the pod, worked out once per injection hook: a whole-cluster audit
 * decides for every pod against every hook. Its matchConditions are compiled the first time a pod
 * reaches them, once for all pods.
 */
final class InjectionHook {
    final WebhookConfiguration configuration;
    final Webhook webhook;
    final String revision;
    final String tag;
    final boolean deactivated;
    final boolean rules;
    final String namespace;
    final String configMap;
    final String qualifiedName;
    final CompiledSelector namespaceSelector;
    final CompiledSelector objectSelector;
    /** The injector a pod this hook selects is sent to. */
    final Decision.InjectorInfo info;
    /** The same for a pod this hook comes closest to selecting: no injector config applies. */
    final Decision.InjectorInfo closestInfo;
    private final Supplier<Optional<InjectorConfig>> configSource;
    // Parsed on first use; two threads may both parse it, to the same value.
    private volatile Optional<InjectorConfig> config;
    private ConditionEngine.Compiled conditions;

    InjectionHook(WebhookConfiguration c, Webhook h, String namespace, Decision.InjectorInfo info,
            Decision.InjectorInfo closestInfo, Supplier<Optional<InjectorConfig>> config) {
        this.configuration = c;
        this.webhook = h;
        this.revision = WebhookMatcher.revisionOf(c, h);
        this.tag = c.meta().labels().get(IstioLayout.TAG);
        this.deactivated = WebhookMatcher.isDeactivated(h);
        this.rules = AdmissionRules.coverPodCreate(h.rules(), h.matchPolicy());
        this.namespace = namespace;
        this.configMap = namespace + "/" + IstioLayout.injectorConfigMap(revision);
        this.qualifiedName = c.name() + "/" + h.name();
        this.info = info;
        this.closestInfo = closestInfo;
        this.configSource = config;
        this.namespaceSelector = new CompiledSelector(h.namespaceSelector(), malformed(h, "namespaceSelector"));
        this.objectSelector = new CompiledSelector(h.objectSelector(), malformed(h, "objectSelector"));
    }

    /** A selector field the file holds in a shape no API server stores, said as its error. */
    static String malformed(Webhook h, String field) {
        for (Map.Entry<String, String> e : h.malformed().entrySet()) {
            if (e.getKey().equals(field) || e.getKey().startsWith(field + ".")) {
                return e.getKey() + " is " + e.getValue() + " (no API server stores such a hook: the file is wrong)";
            }
        }
        return null;
    }

    HookEvaluation evaluate(SelectorResult namespaceResult, InjectionSubject pod) {
        return new HookEvaluation(configuration.name(), webhook.name(), qualifiedName, revision, tag, deactivated, rules,
                webhook.matchConditions().size(), namespaceResult, objectSelector, pod.labels(), pod.name());
    }

    /** Evaluates the matchConditions, compiling them the first time. */
    MatchConditionsVerdict conditions(AdmissionInput input) {
        ConditionEngine.Compiled c;
        synchronized (this) {
            if (conditions == null) {
                conditions = ConditionEngines.cel().compile(webhook.matchConditions());
            }
            c = conditions;
        }
        return MatchConditionsVerdict.of(c.evaluate(input), webhook.failurePolicy());
    }

    Optional<InjectorConfig> config() {
        Optional<InjectorConfig> c = config;
        if (c == null) {
            c = configSource.get();
            config = c;
        }
        return c;
    }
}
