package io.injectordoctor.decision.cel;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;

/**
 * k8s.io/apiserver pkg/cel/library/semverlib.go, version 1 as Kubernetes 1.33 enables it:
 * {@code semver} and {@code isSemver} (each with an optional normalize flag), {@code major},
 * {@code minor}, {@code patch}, {@code compareTo}, {@code isGreaterThan}, {@code isLessThan}.
 */
final class SemverLibrary implements Library {
    @Override
    public int since() {
        return 33;
    }

    @Override
    public List<CelFunctionDecl> declarations() {
        var v = Types.SEMVER;
        return List.of(
                CelFunctionDecl.newFunctionDeclaration("semver",
                        CelOverloadDecl.newGlobalOverload("string_to_semver", v, SimpleType.STRING),
                        CelOverloadDecl.newGlobalOverload("string_bool_to_semver", v, SimpleType.STRING, SimpleType.BOOL)),
                CelFunctionDecl.newFunctionDeclaration("isSemver",
                        CelOverloadDecl.newGlobalOverload("is_semver_string", SimpleType.BOOL, SimpleType.STRING),
                        CelOverloadDecl.newGlobalOverload("is_semver_string_bool", SimpleType.BOOL, SimpleType.STRING,
                                SimpleType.BOOL)),
                CelFunctionDecl.newFunctionDeclaration("isGreaterThan",
                        CelOverloadDecl.newMemberOverload("semver_is_greater_than", SimpleType.BOOL, v, v)),
                CelFunctionDecl.newFunctionDeclaration("isLessThan",
                        CelOverloadDecl.newMemberOverload("semver_is_less_than", SimpleType.BOOL, v, v)),
                CelFunctionDecl.newFunctionDeclaration("compareTo",
                        CelOverloadDecl.newMemberOverload("semver_compare_to", SimpleType.INT, v, v)),
                CelFunctionDecl.newFunctionDeclaration("major", CelOverloadDecl.newMemberOverload("semver_major", SimpleType.INT, v)),
                CelFunctionDecl.newFunctionDeclaration("minor", CelOverloadDecl.newMemberOverload("semver_minor", SimpleType.INT, v)),
                CelFunctionDecl.newFunctionDeclaration("patch", CelOverloadDecl.newMemberOverload("semver_patch", SimpleType.INT, v)));
    }

    @Override
    public List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("string_to_semver", String.class, Semver::parse),
                CelFunctionBinding.from("string_bool_to_semver", String.class, Boolean.class,
                        (s, n) -> n ? Semver.normalizeAndParse(s) : Semver.parse(s)),
                CelFunctionBinding.from("is_semver_string", String.class, s -> valid(s, false)),
                CelFunctionBinding.from("is_semver_string_bool", String.class, Boolean.class, SemverLibrary::valid),
                CelFunctionBinding.from("semver_is_greater_than", Semver.class, Semver.class, (a, b) -> a.compareTo(b) > 0),
                CelFunctionBinding.from("semver_is_less_than", Semver.class, Semver.class, (a, b) -> a.compareTo(b) < 0),
                CelFunctionBinding.from("semver_compare_to", Semver.class, Semver.class, (a, b) -> (long) a.compareTo(b)),
                CelFunctionBinding.from("semver_major", Semver.class, v -> v.major),
                CelFunctionBinding.from("semver_minor", Semver.class, v -> v.minor),
                CelFunctionBinding.from("semver_patch", Semver.class, v -> v.patch));
    }

    private static boolean valid(String s, boolean normalize) {
        try {
            if (normalize) {
                Semver.normalizeAndParse(s);
            } else {
                Semver.parse(s);
            }
            return true;
        } catch (LibraryError e) {
            return false;
        }
    }
}
