package io.injectordoctor.decision.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelAttribute;
import dev.cel.runtime.CelAttributePattern;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelUnknownSet;
import dev.cel.runtime.PartialVars;
import io.injectordoctor.decision.AdmissionInput;
import io.injectordoctor.decision.ConditionEngine;
import io.injectordoctor.decision.ConditionResult;
import io.injectordoctor.model.Webhook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * matchConditions compiled and evaluated with CEL (dev.cel:cel), in the environment of
 * {@link CelEnvironment}, with the API server's messages: a condition that does not compile, or
 * that does not give a bool, is an error each time it is evaluated ("compilation error: ...",
 * k8s.io/apiserver pkg/admission/plugin/cel/compile.go {@code CompileCELExpression} and
 * activation.go {@code Evaluate}); an evaluation error reads "expression '...' resulted in
 * error: ...". What the tool cannot know (who creates the pod without --as, the authorizer, the
 * parts of the pod it does not hold) is passed to CEL as unknown, so that a condition is decided
 * when the known parts decide it, and reported as unknown otherwise.
 */
public final class CelConditionEngine implements ConditionEngine {
    private final CelEnvironment env;

    /** The environment of the newest Kubernetes version (the cluster's is not read). */
    public CelConditionEngine() {
        this(null);
    }

    /** The environment a Kubernetes 1.{@code kubernetesMinor} API server builds (null: the newest). */
    CelConditionEngine(Integer kubernetesMinor) {
        this.env = new CelEnvironment(kubernetesMinor);
    }

    @Override
    public Compiled compile(List<Webhook.MatchCondition> conditions) {
        List<CompiledCondition> compiled = new ArrayList<>();
        for (Webhook.MatchCondition c : conditions) {
            compiled.add(compileOne(c));
        }
        return input -> compiled.stream().map(c -> c.evaluate(input)).toList();
    }

    @Override
    public String compileProblem(String expression) {
        String error = compileOne(new Webhook.MatchCondition("", expression)).compileError;
        return error == null ? null : error.substring("compilation error: ".length());
    }

    private CompiledCondition compileOne(Webhook.MatchCondition c) {
        String expression = c.expression() == null ? "" : c.expression();
        try {
            CelAbstractSyntaxTree ast = env.compiler.compile(expression).getAst();
            if (!SimpleType.BOOL.equals(ast.getResultType())) {
                return new CompiledCondition(c, null, null,
                        "compilation error: must evaluate to bool but got " + Types.name(ast.getResultType()));
            }
            return new CompiledCondition(c, ast, env.runtime.createProgram(ast), null);
        } catch (CelValidationException e) {
            return new CompiledCondition(c, null, null, "compilation error: compilation failed: " + e.getMessage());
        } catch (CelEvaluationException e) {
            return new CompiledCondition(c, null, null, "compilation error: program instantiation failed: " + e.getMessage());
        }
    }

    /** One condition, compiled once; evaluated per request. */
    private static final class CompiledCondition {
        private final Webhook.MatchCondition condition;
        private final CelAbstractSyntaxTree ast;
        private final CelRuntime.Program program;
        private final String compileError;
        private final Map<List<String>, Set<List<String>>> unknownObjectReads = new HashMap<>();

        CompiledCondition(Webhook.MatchCondition condition, CelAbstractSyntaxTree ast, CelRuntime.Program program,
                String compileError) {
            this.condition = condition;
            this.ast = ast;
            this.program = program;
            this.compileError = compileError;
        }

        ConditionResult evaluate(AdmissionInput input) {
            String expression = condition.expression();
            if (compileError != null) {
                return result(ConditionResult.Kind.ERROR, compileError);
            }
            List<CelAttributePattern> unknown = new ArrayList<>();
            for (List<String> read : objectReads(input.knownObjectPaths())) {
                unknown.add(pattern("object", read));
            }
            for (String field : input.unknownRequestFields()) {
                unknown.add(pattern("request", List.of(field)));
            }
            unknown.add(CelAttributePattern.fromQualifiedIdentifier("authorizer"));
            unknown.add(CelAttributePattern.fromQualifiedIdentifier("authorizer.requestResource"));
            Map<String, Object> vars = new HashMap<>();
            vars.put("object", CelValues.of(input.object()));
            vars.put("oldObject", dev.cel.common.values.NullValue.NULL_VALUE);
            vars.put("namespaceObject", dev.cel.common.values.NullValue.NULL_VALUE);
            vars.put("request", CelValues.of(input.request()));
            try {
                Object out = program.eval(PartialVars.of(vars, unknown.toArray(CelAttributePattern[]::new)));
                if (out instanceof CelUnknownSet u) {
                    return result(ConditionResult.Kind.UNKNOWN, UnknownReasons.describe(u.attributes(), input));
                }
                return result(Boolean.TRUE.equals(out) ? ConditionResult.Kind.TRUE : ConditionResult.Kind.FALSE, null);
            } catch (CelEvaluationException e) {
                RuntimeException cause = CelErrors.libraryCause(e);
                if (cause instanceof Unsupported) {
                    return result(ConditionResult.Kind.UNKNOWN, cause.getMessage());
                }
                return result(ConditionResult.Kind.ERROR,
                        "expression '" + expression + "' resulted in error: " + CelErrors.message(e));
            } catch (RuntimeException e) {
                // A fault of the CEL implementation, not of the expression: say so, never guess.
                return result(ConditionResult.Kind.UNKNOWN, "injector-doctor could not evaluate it (" + e + ")");
            }
        }

        private synchronized Set<List<String>> objectReads(List<String> known) {
            return unknownObjectReads.computeIfAbsent(known, k -> ObjectPaths.unknownReads(ast.getExpr(), "object", k));
        }

        private ConditionResult result(ConditionResult.Kind kind, String detail) {
            return new ConditionResult(condition.name(), condition.expression(), kind, detail);
        }

        private static CelAttributePattern pattern(String variable, List<String> path) {
            CelAttributePattern p = CelAttributePattern.fromQualifiedIdentifier(variable);
            for (String s : path) {
                p = p.qualify(CelAttribute.Qualifier.ofString(s));
            }
            return p;
        }
    }
}
