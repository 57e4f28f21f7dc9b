package io.injectordoctor.decision;

import java.util.ServiceLoader;

/**
 * The CEL engine, created on first use: loading CEL costs about 0.3 s of start-up, which a run
 * whose hooks have no matchConditions never pays. The engine ({@code decision.cel}) is found as a
 * service, so that this package does not depend on the one that implements it.
 */
public final class ConditionEngines {
    private ConditionEngines() {
    }

    private static final class Holder {
        static final ConditionEngine CEL = ServiceLoader.load(ConditionEngine.class, ConditionEngines.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "no CEL engine on the class path (META-INF/services/" + ConditionEngine.class.getName() + ")"));
    }

    public static ConditionEngine cel() {
        return Holder.CEL;
    }
}
