package io.injectordoctor.decision.cel;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * k8s.io/apiserver pkg/cel/library/format.go (Kubernetes 1.31): {@code format.named(name)}, a
 * zero-argument {@code format.<name>()} per named format, and {@code <format>.validate(s)},
 * which is none for a valid string and else the list of its problems.
 */
final class FormatLibrary implements Library {
    @Override
    public int since() {
        return 31;
    }

    @Override
    public List<CelFunctionDecl> declarations() {
        List<CelFunctionDecl> out = new ArrayList<>();
        out.add(CelFunctionDecl.newFunctionDeclaration("validate", CelOverloadDecl.newMemberOverload("format-validate",
                OptionalType.create(ListType.create(SimpleType.STRING)), Types.FORMAT, SimpleType.STRING)));
        out.add(CelFunctionDecl.newFunctionDeclaration("format.named", CelOverloadDecl.newGlobalOverload("format-named",
                OptionalType.create(Types.FORMAT), SimpleType.STRING)));
        for (String name : NamedFormat.ALL.keySet()) {
            out.add(CelFunctionDecl.newFunctionDeclaration("format." + name,
                    CelOverloadDecl.newGlobalOverload("format." + name, Types.FORMAT)));
        }
        return out;
    }

    @Override
    public List<CelFunctionBinding> bindings() {
        List<CelFunctionBinding> out = new ArrayList<>();
        out.add(CelFunctionBinding.from("format-validate", NamedFormat.class, String.class, (f, s) -> {
            List<String> problems = f.validate.apply(s);
            return problems.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(problems));
        }));
        out.add(CelFunctionBinding.from("format-named", String.class, n -> Optional.ofNullable(NamedFormat.ALL.get(n))));
        for (String name : NamedFormat.ALL.keySet()) {
            // CEL's overloads must be immutable: they capture the format's name, not the format.
            out.add(CelFunctionBinding.from("format." + name, List.of(), args -> NamedFormat.ALL.get(name)));
        }
        return out;
    }
}
