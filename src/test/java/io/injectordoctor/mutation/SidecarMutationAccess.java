package io.injectordoctor.mutation;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Lets tests in other packages call the mutation directly. */
public final class SidecarMutationAccess {
    private SidecarMutationAccess() {
    }

    public static ObjectNode inject(ObjectNode object, InjectionSettings settings, String namespace) {
        return SidecarMutation.inject(object, settings, namespace);
    }
}
