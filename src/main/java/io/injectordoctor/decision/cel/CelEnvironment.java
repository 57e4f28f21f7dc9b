package io.injectordoctor.decision.cel;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CEL environment of a webhook matchCondition, as the API server builds it
 * (k8s.io/apiserver pkg/cel/environment/base.go for the libraries and options per Kubernetes
 * version, pkg/admission/plugin/cel/compile.go {@code createEnvForOpts} for the variables): the
 * standard macros; homogeneous aggregate literals; cross-type numeric comparisons, optional types
 * and quantities (1.28); the strings extension and sets (1.29); IP and CIDR (1.30); named formats
 * (1.31); two-variable comprehensions (1.32); semver (1.33); the URL, regex and list libraries
 * always; the authorizer and images declared but not evaluated. The variables are {@code object},
 * {@code oldObject}, {@code request}, {@code namespaceObject}, {@code authorizer} and
 * {@code authorizer.requestResource}; {@code params} is not declared for webhooks.
 * The cluster's version is not read, so every library of the newest version is enabled.
 */
final class CelEnvironment {
    final CelCompiler compiler;
    final CelRuntime runtime;

    CelEnvironment() {
        CelOptions options = CelOptions.current().enableUnknownTracking(true).enableHomogeneousLiterals(true)
                .enableHeterogeneousNumericComparisons(true).enableOptionalSyntax(true).build();
        List<Library> libraries = List.of(new UrlsLibrary(), new RegexLibrary(), new ListsLibrary(), new QuantityLibrary(),
                new NetworkLibraries(), new FormatLibrary(), new SemverLibrary(), new UnsupportedLibraries());
        List<CelFunctionBinding> bindings = new ArrayList<>();
        libraries.forEach(l -> bindings.addAll(l.bindings()));
        this.compiler = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addLibraries(CelExtensions.optional(), CelExtensions.strings(), CelExtensions.sets(options),
                        CelExtensions.comprehensions())
                .addVar("object", SimpleType.DYN)
                .addVar("oldObject", SimpleType.DYN)
                .addVar("request", SimpleType.DYN)
                .addVar("namespaceObject", SimpleType.DYN)
                .addVar("authorizer", Types.AUTHORIZER)
                .addVar("authorizer.requestResource", Types.RESOURCE_CHECK)
                .addFunctionDeclarations(merged(libraries))
                .build();
        this.runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(options)
                .addLibraries(CelExtensions.optional(), CelExtensions.strings(), CelExtensions.sets(options),
                        CelExtensions.comprehensions())
                .addFunctionBindings(bindings)
                .build();
    }

    /** One declaration per function name: several libraries declare overloads of compareTo, isLessThan, ip, string... */
    private static List<CelFunctionDecl> merged(List<Library> libraries) {
        Map<String, List<CelOverloadDecl>> byName = new LinkedHashMap<>();
        for (Library l : libraries) {
            for (CelFunctionDecl d : l.declarations()) {
                byName.computeIfAbsent(d.name(), n -> new ArrayList<>()).addAll(d.overloads());
            }
        }
        List<CelFunctionDecl> out = new ArrayList<>();
        byName.forEach((name, overloads) -> out.add(CelFunctionDecl.newFunctionDeclaration(name, overloads)));
        return out;
    }
}
