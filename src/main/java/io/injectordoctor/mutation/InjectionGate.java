package io.injectordoctor.mutation;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Stage B: does the injector mutate this pod? The answer comes from the reference decision; the
 * mutation never decides on its own.
 */
@FunctionalInterface
public interface InjectionGate {
    /**
     * @param metadata  the pod's (or pod template's) metadata, never null
     * @param spec      the pod spec, never null
     * @param namespace the namespace the pod is created in (the request's, or the object's own)
     */
    GateResult decide(ObjectNode metadata, ObjectNode spec, String namespace);
}
