package io.injectordoctor.decision.cel;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.math.BigDecimal;
import java.util.List;

/**
 * k8s.io/apiserver pkg/cel/library/quantity.go: {@code quantity}, {@code isQuantity},
 * {@code sign} (a global function there, so {@code sign(q)}, not {@code q.sign()}),
 * {@code isInteger}, {@code asInteger}, {@code asApproximateFloat}, {@code add}, {@code sub},
 * {@code mul}, {@code compareTo}, {@code isGreaterThan}, {@code isLessThan}. {@code div} and
 * {@code divInt} are declared but not evaluated here: a condition that uses them is unknown.
 */
final class QuantityLibrary implements Library {
    @Override
    public int since() {
        return 28;
    }

    @Override
    public List<CelFunctionDecl> declarations() {
        var q = Types.QUANTITY;
        return List.of(
                CelFunctionDecl.newFunctionDeclaration("quantity",
                        CelOverloadDecl.newGlobalOverload("string_to_quantity", q, SimpleType.STRING)),
                CelFunctionDecl.newFunctionDeclaration("isQuantity",
                        CelOverloadDecl.newGlobalOverload("is_quantity_string", SimpleType.BOOL, SimpleType.STRING)),
                CelFunctionDecl.newFunctionDeclaration("sign", CelOverloadDecl.newGlobalOverload("quantity_sign", SimpleType.INT, q)),
                CelFunctionDecl.newFunctionDeclaration("isGreaterThan",
                        CelOverloadDecl.newMemberOverload("quantity_is_greater_than", SimpleType.BOOL, q, q)),
                CelFunctionDecl.newFunctionDeclaration("isLessThan",
                        CelOverloadDecl.newMemberOverload("quantity_is_less_than", SimpleType.BOOL, q, q)),
                CelFunctionDecl.newFunctionDeclaration("compareTo",
                        CelOverloadDecl.newMemberOverload("quantity_compare_to", SimpleType.INT, q, q)),
                CelFunctionDecl.newFunctionDeclaration("asApproximateFloat",
                        CelOverloadDecl.newMemberOverload("quantity_get_float", SimpleType.DOUBLE, q)),
                CelFunctionDecl.newFunctionDeclaration("asInteger",
                        CelOverloadDecl.newMemberOverload("quantity_get_int", SimpleType.INT, q)),
                CelFunctionDecl.newFunctionDeclaration("isInteger",
                        CelOverloadDecl.newMemberOverload("quantity_is_integer", SimpleType.BOOL, q)),
                CelFunctionDecl.newFunctionDeclaration("add",
                        CelOverloadDecl.newMemberOverload("quantity_add", q, q, q),
                        CelOverloadDecl.newMemberOverload("quantity_add_int", q, q, SimpleType.INT)),
                CelFunctionDecl.newFunctionDeclaration("sub",
                        CelOverloadDecl.newMemberOverload("quantity_sub", q, q, q),
                        CelOverloadDecl.newMemberOverload("quantity_sub_int", q, q, SimpleType.INT)),
                CelFunctionDecl.newFunctionDeclaration("mul",
                        CelOverloadDecl.newMemberOverload("quantity_multiply_int", q, q, SimpleType.INT)),
                CelFunctionDecl.newFunctionDeclaration("div",
                        CelOverloadDecl.newMemberOverload("quantity_divide_int_default_rounding", q, q, SimpleType.INT),
                        CelOverloadDecl.newMemberOverload("quantity_divide_int_round", q, q, SimpleType.INT, SimpleType.INT)),
                CelFunctionDecl.newFunctionDeclaration("divInt",
                        CelOverloadDecl.newMemberOverload("quantity_divide_int", q, q, SimpleType.INT)));
    }

    @Override
    public List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("string_to_quantity", String.class, Quantity::parse),
                CelFunctionBinding.from("is_quantity_string", String.class, Quantity::valid),
                CelFunctionBinding.from("quantity_sign", Quantity.class, q -> (long) q.value.signum()),
                CelFunctionBinding.from("quantity_is_greater_than", Quantity.class, Quantity.class, (a, b) -> a.compareTo(b) > 0),
                CelFunctionBinding.from("quantity_is_less_than", Quantity.class, Quantity.class, (a, b) -> a.compareTo(b) < 0),
                CelFunctionBinding.from("quantity_compare_to", Quantity.class, Quantity.class,
                        (a, b) -> (long) Integer.signum(a.compareTo(b))),
                CelFunctionBinding.from("quantity_get_float", Quantity.class, q -> q.value.doubleValue()),
                CelFunctionBinding.from("quantity_get_int", Quantity.class, QuantityLibrary::asInteger),
                CelFunctionBinding.from("quantity_is_integer", Quantity.class, q -> q.asLong() != null),
                CelFunctionBinding.from("quantity_add", Quantity.class, Quantity.class, (a, b) -> new Quantity(a.value.add(b.value))),
                CelFunctionBinding.from("quantity_add_int", Quantity.class, Long.class,
                        (a, b) -> new Quantity(a.value.add(BigDecimal.valueOf(b)))),
                CelFunctionBinding.from("quantity_sub", Quantity.class, Quantity.class,
                        (a, b) -> new Quantity(a.value.subtract(b.value))),
                CelFunctionBinding.from("quantity_sub_int", Quantity.class, Long.class,
                        (a, b) -> new Quantity(a.value.subtract(BigDecimal.valueOf(b)))),
                CelFunctionBinding.from("quantity_multiply_int", Quantity.class, Long.class,
                        (a, b) -> new Quantity(a.value.multiply(BigDecimal.valueOf(b)))),
                CelFunctionBinding.from("quantity_divide_int_default_rounding", Quantity.class, Long.class, (a, b) -> {
                    throw new Unsupported("div()", "quantity division is not implemented");
                }),
                CelFunctionBinding.from("quantity_divide_int_round", List.of(Quantity.class, Long.class, Long.class), args -> {
                    throw new Unsupported("div()", "quantity division is not implemented");
                }),
                CelFunctionBinding.from("quantity_divide_int", Quantity.class, Long.class, (a, b) -> {
                    throw new Unsupported("divInt()", "quantity division is not implemented");
                }));
    }

    private static long asInteger(Quantity q) {
        Long v = q.asLong();
        if (v == null) {
            throw new LibraryError("cannot convert value to integer");
        }
        return v;
    }
}
