package io.injectordoctor.mutation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The reference injector: asks the gate, then mutates. The same path serves {@code inject -f} and
 * the admission webhook, so their answers cannot drift apart.
 */
public final class Injector {
    private final InjectionGate gate;
    private final InjectionSettings settings;

    public Injector(InjectionGate gate, InjectionSettings settings) {
        this.gate = gate;
        this.settings = settings;
    }

    public InjectionSettings settings() {
        return settings;
    }

    /**
     * What the injector does with {@code object}.
     *
     * @param namespace the namespace of the request, used when the object names none (may be null)
     */
    public Outcome inject(ObjectNode object, String namespace) {
        ObjectNode copy = object.deepCopy();
        Optional<PodTemplates.PodTarget> target = PodTemplates.find(copy);
        if (target.isEmpty()) {
            String kind = object.path("kind").asText("");
            String why = PodTemplates.KINDS.contains(kind) ? "has no pod spec" : "is not a pod or a pod template owner";
            return new Outcome(object, false, why);
        }
        String ns = SidecarMutation.resolveNamespace(object, namespace);
        PodTemplates.PodTarget t = target.get();
        GateResult verdict = gate.decide(t.metadata(), t.spec(), ns);
        if (!verdict.inject()) {
            return new Outcome(object, false, verdict.reason());
        }
        return new Outcome(SidecarMutation.inject(object, settings, ns), true, verdict.reason());
    }

    /** The object as the injector leaves it, whether it was injected, and why. */
    public record Outcome(ObjectNode object, boolean injected, String reason) {
    }
}
