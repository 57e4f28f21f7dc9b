package io.injectordoctor.decision.cel;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.TypeParamType;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;

/**
 * k8s.io/apiserver pkg/cel/library/lists.go: {@code isSorted}, {@code sum}, {@code min},
 * {@code max}, {@code indexOf}, {@code lastIndexOf} on lists (version 0, as the admission
 * environment enables it: no {@code includes}). Kubernetes declares one overload per element type;
 * here one generic overload stands for them, so an expression on a list of maps compiles here
 * where the API server would refuse it, and fails when evaluated instead.
 */
final class ListsLibrary implements Library {
    private static final TypeParamType A = TypeParamType.create("A");
    private static final ListType LIST_A = ListType.create(A);

    @Override
    public int since() {
        return 0;
    }

    @Override
    public List<CelFunctionDecl> declarations() {
        return List.of(
                CelFunctionDecl.newFunctionDeclaration("isSorted",
                        CelOverloadDecl.newMemberOverload("list_a_is_sorted_bool", SimpleType.BOOL, LIST_A)),
                CelFunctionDecl.newFunctionDeclaration("sum", CelOverloadDecl.newMemberOverload("list_a_sum_a", A, LIST_A)),
                CelFunctionDecl.newFunctionDeclaration("min", CelOverloadDecl.newMemberOverload("list_a_min_a", A, LIST_A)),
                CelFunctionDecl.newFunctionDeclaration("max", CelOverloadDecl.newMemberOverload("list_a_max_a", A, LIST_A)),
                CelFunctionDecl.newFunctionDeclaration("indexOf",
                        CelOverloadDecl.newMemberOverload("list_a_index_of_int", SimpleType.INT, LIST_A, A)),
                CelFunctionDecl.newFunctionDeclaration("lastIndexOf",
                        CelOverloadDecl.newMemberOverload("list_a_last_index_of_int", SimpleType.INT, LIST_A, A)));
    }

    @Override
    public List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("list_a_is_sorted_bool", List.class, ListsLibrary::isSorted),
                CelFunctionBinding.from("list_a_sum_a", List.class, ListsLibrary::sum),
                CelFunctionBinding.from("list_a_min_a", List.class, l -> extreme(l, "min", 1)),
                CelFunctionBinding.from("list_a_max_a", List.class, l -> extreme(l, "max", -1)),
                CelFunctionBinding.from("list_a_index_of_int", List.class, Object.class, (l, x) -> indexOf(l, x, false)),
                CelFunctionBinding.from("list_a_last_index_of_int", List.class, Object.class, (l, x) -> indexOf(l, x, true)));
    }

    static boolean isSorted(List<?> list) {
        for (int i = 1; i < list.size(); i++) {
            if (compare(list.get(i - 1), list.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    /** lists.go {@code sum}: the elements' sum; an empty list gives 0 (Kubernetes gives the element type's zero). */
    static Object sum(List<?> list) {
        if (list.isEmpty()) {
            return 0L;
        }
        Object acc = list.get(0);
        for (int i = 1; i < list.size(); i++) {
            Object next = list.get(i);
            if (acc instanceof Long a && next instanceof Long b) {
                acc = Math.addExact(a, b);
            } else if (acc instanceof Double a && next instanceof Double b) {
                acc = a + b;
            } else if (acc instanceof java.time.Duration a && next instanceof java.time.Duration b) {
                acc = a.plus(b);
            } else if (acc instanceof com.google.common.primitives.UnsignedLong a
                    && next instanceof com.google.common.primitives.UnsignedLong b) {
                acc = a.plus(b);
            } else {
                throw new LibraryError("no such overload");
            }
        }
        return acc;
    }

    /** lists.go {@code cmp}: the first element that no later one beats; an empty list is an error. */
    static Object extreme(List<?> list, String op, int preferWhen) {
        if (list.isEmpty()) {
            throw new LibraryError(op + " called on empty list");
        }
        Object result = list.get(0);
        for (int i = 1; i < list.size(); i++) {
            if (compare(result, list.get(i)) == preferWhen) {
                result = list.get(i);
            }
        }
        return result;
    }

    static long indexOf(List<?> list, Object item, boolean last) {
        for (int k = 0; k < list.size(); k++) {
            int i = last ? list.size() - 1 - k : k;
            if (CelEquality.equal(list.get(i), item)) {
                return i;
            }
        }
        return -1;
    }

    /** cel-go's Compare on comparable values: numbers across types, strings, bools, bytes, durations, timestamps. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && !(a instanceof com.google.common.primitives.UnsignedLong)) {
            return Double.compare(x.doubleValue(), y.doubleValue()) < 0 ? -1 : x.doubleValue() == y.doubleValue() ? 0 : 1;
        }
        if (a instanceof Comparable c && a.getClass() == b.getClass()) {
            return Integer.signum(c.compareTo(b));
        }
        throw new LibraryError("no such overload");
    }
}
