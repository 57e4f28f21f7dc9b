package io.injectordoctor.decision.cel;

import dev.cel.common.CelFunctionDecl;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;

/**
 * One of the Kubernetes CEL libraries (k8s.io/apiserver pkg/cel/library), written here as
 * declarations for the compiler and bindings for the runtime. {@code since} is the Kubernetes
 * minor version whose admission environment enables it (pkg/cel/environment/base.go).
 */
interface Library {
    int since();

    List<CelFunctionDecl> declarations();

    List<CelFunctionBinding> bindings();
}
