package io.injectordoctor.decision;

/**
 * The CEL engine, created on first use: loading CEL costs about 0.3 s of start-up, which a run
 * whose hooks have no matchConditions never pays.
 */
public final class ConditionEngines {
    private ConditionEngines() {
    }

    private static final class Holder {
        static final ConditionEngine CEL = new io.injectordoctor.decision.cel.CelConditionEngine();
    }

    public static ConditionEngine cel() {
        return Holder.CEL;
    }
}
