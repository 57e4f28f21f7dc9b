package io.injectordoctor.mutation;

/** The verdict of an {@link InjectionGate}, with the reason a reader sees. */
public record GateResult(boolean inject, String reason) {
    public static GateResult inject(String reason) {
        return new GateResult(true, reason);
    }

    public static GateResult skip(String reason) {
        return new GateResult(false, reason);
    }
}
