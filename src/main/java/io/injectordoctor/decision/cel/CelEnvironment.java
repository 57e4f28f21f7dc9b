package io.injectordoctor.decision.cel;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelStringExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CEL environment of a webhook matchCondition, as the API server builds it
 * (k8s.io/apiserver pkg/cel/environment/base.go for the libraries and options per Kubernetes
 * version, pkg/admission/plugin/cel/compile.go {@code createEnvForOpts} for the variables): the
 * standard macros; homogeneous aggregate literals; the strings extension (version 0, version 2 from
 * 1.29); cross-type numeric comparisons, optional types and quantities (1.28); sets (1.29); IP and CIDR (1.30); named formats
 * (1.31); two-variable comprehensions (1.32); semver (1.33); the URL, regex and list libraries
 * always; the authorizer and images declared but not evaluated. The variables are {@code object},
 * {@code oldObject}, {@code request}, {@code namespaceObject}, {@code authorizer} and
 * {@code authorizer.requestResource}; {@code params} is not declared for webhooks.
 * {@code kubernetesMinor} chooses what a Kubernetes 1.N enables; the tool does not read the
 * cluster's version yet, so the engine uses the newest (null).
 */
final class CelEnvironment {
    final CelCompiler compiler;
    final CelRuntime runtime;

    // Kubernetes' environment enables HomogeneousAggregateLiterals; cel-java 0.14 keeps that option only
    // as a deprecated flag, with nothing to replace it.
    @SuppressWarnings("deprecation")
    CelEnvironment(Integer kubernetesMinor) {
        int minor = kubernetesMinor == null ? Integer.MAX_VALUE : kubernetesMinor;
        CelOptions options = CelOptions.current().enableUnknownTracking(true).enableHomogeneousLiterals(true)
                .enableHeterogeneousNumericComparisons(minor >= 28).enableOptionalSyntax(minor >= 28).build();
        List<Library> libraries = new ArrayList<>(List.of(new UrlsLibrary(), new RegexLibrary(), new ListsLibrary(),
                new QuantityLibrary(), new NetworkLibraries(), new FormatLibrary(), new SemverLibrary(),
                new UnsupportedLibraries(minor)));
        libraries.removeIf(l -> l.since() > minor);
        List<CelFunctionBinding> bindings = new ArrayList<>();
        libraries.forEach(l -> bindings.addAll(l.bindings()));
        List<dev.cel.compiler.CelCompilerLibrary> compilerExtensions = new ArrayList<>();
        List<dev.cel.runtime.CelRuntimeLibrary> runtimeExtensions = new ArrayList<>();
        // base.go: strings version 0 until 1.29 and version 2 from then (reverse is version 3: not enabled);
        // optional types from 1.28, sets from 1.29, two-variable comprehensions from 1.32.
        Set<CelStringExtensions.Function> strings = EnumSet.of(CelStringExtensions.Function.CHAR_AT,
                CelStringExtensions.Function.INDEX_OF, CelStringExtensions.Function.LAST_INDEX_OF,
                CelStringExtensions.Function.LOWER_ASCII, CelStringExtensions.Function.REPLACE,
                CelStringExtensions.Function.SPLIT, CelStringExtensions.Function.SUBSTRING,
                CelStringExtensions.Function.TRIM, CelStringExtensions.Function.UPPER_ASCII);
        if (minor >= 29) {
            strings.add(CelStringExtensions.Function.JOIN);
            strings.add(CelStringExtensions.Function.QUOTE);
        }
        compilerExtensions.add(CelExtensions.strings(strings));
        runtimeExtensions.add(CelExtensions.strings(strings));
        if (minor >= 28) {
            compilerExtensions.add(CelExtensions.optional());
            runtimeExtensions.add(CelExtensions.optional());
        }
        if (minor >= 29) {
            compilerExtensions.add(CelExtensions.sets(options));
            runtimeExtensions.add(CelExtensions.sets(options));
        }
        if (minor >= 32) {
            compilerExtensions.add(CelExtensions.comprehensions());
            runtimeExtensions.add(CelExtensions.comprehensions());
        }
        this.compiler = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addLibraries(compilerExtensions)
                .addVar("object", SimpleType.DYN)
                .addVar("oldObject", SimpleType.DYN)
                .addVar("request", SimpleType.DYN)
                .addVar("namespaceObject", SimpleType.DYN)
                .addVar("authorizer", Types.AUTHORIZER)
                .addVar("authorizer.requestResource", Types.RESOURCE_CHECK)
                .addFunctionDeclarations(merged(libraries))
                .build();
        this.runtime = CelRuntimeFactory.legacyCelRuntimeBuilder()
                .setOptions(options)
                .addLibraries(runtimeExtensions)
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
