package io.injectordoctor.inject;

/**
 * Gates for tests only: just enough of Stage B to give the mutation and the webhook both verdicts.
 * The real rules live in the reference decision.
 */
public final class TestGates {
    private TestGates() {
    }

    /** Skips hostNetwork pods and pods whose inject label or annotation is "false"; injects the rest. */
    public static InjectionGate simple() {
        return (meta, spec, ns) -> {
            if (spec.path("hostNetwork").asBoolean(false)) {
                return GateResult.skip("hostNetwork is true");
            }
            String v = meta.path("labels").path("sidecar.istio.io/inject")
                    .asText(meta.path("annotations").path("sidecar.istio.io/inject").asText(""));
            if (v.equals("false")) {
                return GateResult.skip("sidecar.istio.io/inject is \"false\"");
            }
            return GateResult.inject("injected by policy");
        };
    }
}
