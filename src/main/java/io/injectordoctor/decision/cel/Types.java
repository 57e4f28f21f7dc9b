package io.injectordoctor.decision.cel;

import dev.cel.common.types.CelType;
import dev.cel.common.types.OpaqueType;
import java.util.stream.Collectors;

/** The Kubernetes CEL types (k8s.io/apiserver pkg/cel/types.go) as opaque types, and type names as cel-go writes them. */
final class Types {
    static final OpaqueType QUANTITY = OpaqueType.create("kubernetes.Quantity");
    static final OpaqueType URL = OpaqueType.create("kubernetes.URL");
    static final OpaqueType IP = OpaqueType.create("net.IP");
    static final OpaqueType CIDR = OpaqueType.create("net.CIDR");
    static final OpaqueType SEMVER = OpaqueType.create("kubernetes.Semver");
    static final OpaqueType FORMAT = OpaqueType.create("kubernetes.NamedFormat");
    static final OpaqueType AUTHORIZER = OpaqueType.create("kubernetes.authorization.Authorizer");
    static final OpaqueType PATH_CHECK = OpaqueType.create("kubernetes.authorization.PathCheck");
    static final OpaqueType GROUP_CHECK = OpaqueType.create("kubernetes.authorization.GroupCheck");
    static final OpaqueType RESOURCE_CHECK = OpaqueType.create("kubernetes.authorization.ResourceCheck");
    static final OpaqueType DECISION = OpaqueType.create("kubernetes.authorization.Decision");
    static final OpaqueType IMAGE = OpaqueType.create("kubernetes.Image");

    private Types() {
    }

    /** "bool", "list(int)", "map(string, dyn)": how cel-go names a type in its messages. */
    static String name(CelType t) {
        if (t.parameters().isEmpty()) {
            return t.name();
        }
        return t.name() + "(" + t.parameters().stream().map(Types::name).collect(Collectors.joining(", ")) + ")";
    }
}
