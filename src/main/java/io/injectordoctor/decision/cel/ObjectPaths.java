package io.injectordoctor.decision.cel;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of a variable an expression reads, found in its syntax tree: every chain of field
 * selections and constant indexes that starts at the variable ({@code object.metadata.labels['app']}
 * reads metadata.labels.app). Those that do not lie within a path the tool holds completely are
 * the unknown ones; the runtime is told so, and a result that depends on them comes out unknown.
 * A chain that stops at a part the tool holds only in part ({@code object.spec} used whole)
 * counts as unknown too.
 */
final class ObjectPaths {
    private ObjectPaths() {
    }

    /** The chains read from {@code variable}, each as its segments, outside every known path. */
    static Set<List<String>> unknownReads(CelExpr root, String variable, List<String> knownPaths) {
        Set<List<String>> out = new LinkedHashSet<>();
        visit(root, variable, knownPaths, out);
        return out;
    }

    private static void visit(CelExpr e, String variable, List<String> known, Set<List<String>> out) {
        Optional<List<String>> chain = chain(e, variable);
        if (chain.isPresent()) {
            if (!covered(chain.get(), known)) {
                out.add(chain.get());
            }
            return;
        }
        switch (e.getKind()) {
            case SELECT -> visit(e.select().operand(), variable, known, out);
            case CALL -> {
                e.call().target().ifPresent(t -> visit(t, variable, known, out));
                e.call().args().forEach(a -> visit(a, variable, known, out));
            }
            case LIST -> e.list().elements().forEach(a -> visit(a, variable, known, out));
            case MAP -> e.map().entries().forEach(en -> {
                visit(en.key(), variable, known, out);
                visit(en.value(), variable, known, out);
            });
            case STRUCT -> e.struct().entries().forEach(en -> visit(en.value(), variable, known, out));
            case COMPREHENSION -> {
                var c = e.comprehension();
                visit(c.iterRange(), variable, known, out);
                visit(c.accuInit(), variable, known, out);
                visit(c.loopCondition(), variable, known, out);
                visit(c.loopStep(), variable, known, out);
                visit(c.result(), variable, known, out);
            }
            default -> {
            }
        }
    }

    /** The segments after {@code variable} when the whole expression is a chain from it; else empty. */
    static Optional<List<String>> chain(CelExpr e, String variable) {
        switch (e.getKind()) {
            case IDENT -> {
                return e.ident().name().equals(variable) ? Optional.of(List.of()) : Optional.empty();
            }
            case SELECT -> {
                return chain(e.select().operand(), variable).map(p -> append(p, e.select().field()));
            }
            case CALL -> {
                String f = e.call().function();
                List<CelExpr> args = e.call().args();
                if ((f.equals("_[_]") || f.equals("_[?_]") || f.equals("_?._")) && args.size() == 2
                        && args.get(1).getKind() == CelExpr.ExprKind.Kind.CONSTANT
                        && args.get(1).constant().getKind() == CelConstant.Kind.STRING_VALUE) {
                    String key = args.get(1).constant().stringValue();
                    return chain(args.get(0), variable).map(p -> append(p, key));
                }
                return Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static List<String> append(List<String> p, String s) {
        List<String> out = new ArrayList<>(p);
        out.add(s);
        return out;
    }

    /** Within (or equal to) a path held completely. */
    static boolean covered(List<String> chain, List<String> known) {
        for (String k : known) {
            List<String> ks = List.of(k.split("\\."));
            if (chain.size() >= ks.size() && chain.subList(0, ks.size()).equals(ks)) {
                return true;
            }
        }
        return false;
    }
}
