package io.injectordoctor.app;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.checks.BuiltInChecks;
import io.injectordoctor.checks.CatalogueEntry;
import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.checks.CheckRegistry;
import io.injectordoctor.checks.PluginLoader;
import io.injectordoctor.checks.RunOptions;
import io.injectordoctor.checks.Runner;
import io.injectordoctor.checks.SubjectScope;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.LoadRequest;
import io.injectordoctor.decision.InjectionSubject;
import io.injectordoctor.report.CatalogueListing;
import io.injectordoctor.report.CheckReport;
import io.injectordoctor.report.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code check}: the whole catalogue (or the chosen checks) over the cluster, or over one namespace and what serves it. */
public final class CheckService {
    private final ClusterAccess access;
    private final CheckRegistry registry;

    public CheckService(ClusterAccess access, CheckRegistry registry) {
        this.access = access;
        this.registry = registry;
    }

    /** The built-in checks, with those of the jars in {@code pluginPath} (null: none). */
    public static CheckRegistry registry(Path pluginPath) {
        if (pluginPath == null) {
            return CheckRegistry.builtIn();
        }
        PluginLoader.Plugins plugins = PluginLoader.load(pluginPath);
        return CheckRegistry.of(BuiltInChecks.all(), plugins.checks(), plugins.loader());
    }

    /** The catalogue of {@link #registry(Path)}, in run order. */
    public static CatalogueListing catalogue(Path pluginPath) {
        CheckRegistry registry = registry(pluginPath);
        List<CatalogueListing.Item> items = new ArrayList<>();
        for (Check c : registry.ordered()) {
            CatalogueEntry e = registry.entry(c.id());
            items.add(new CatalogueListing.Item(e.id(), e.title(), e.category(), e.severity(), e.runbookStep()));
        }
        return new CatalogueListing(items);
    }

    /** --only and --skip as given: ids in any case, blanks ignored; an unknown id is a usage error. */
    public RunOptions options(List<String> only, List<String> skip) {
        RunOptions options = new RunOptions(upper(only), upper(skip));
        List<String> unknown = options.unknown(registry.ids());
        if (!unknown.isEmpty()) {
            throw new DoctorException(ExitCode.USAGE, "unknown check id " + String.join(", ", unknown)
                    + " (see 'injector-doctor checks list')");
        }
        return options;
    }

    /** @param namespace the namespace to check with what serves it (null: the whole cluster) */
    public Outcome<CheckReport> run(RunOptions options, String namespace, Severity threshold) {
        Runner runner = new Runner(registry);
        ClusterSnapshot snapshot = access.snapshot(new LoadRequest(runner.kinds(options), namespace, null)
                .withPartialResults());
        requireSomething(snapshot);
        CheckContext context = CheckContext.of(snapshot);
        CheckReport report = runner.run(context, options);
        if (namespace != null) {
            // -n checks the namespace and what serves it, not what the control plane's own objects say.
            report = report.restrictedTo(SubjectScope.ofNamespace(snapshot, namespace,
                    context.decide(namespace, new InjectionSubject(namespace, Map.of(), Map.of(), false))));
        }
        report = report.withNotRead(notRead(snapshot));
        return Outcome.judged(report, report.success(threshold), report.partial());
    }

    /** What the API server failed to give, in the kinds' order: the reason each skipped check gives. */
    static List<String> notRead(ClusterSnapshot snapshot) {
        return snapshot.failed().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue)
                .toList();
    }

    /**
     * A result is partial only when something was read: when the API server failed to give every
     * kind asked for, it is as good as unreachable (69), not a catalogue of skipped checks.
     */
    static void requireSomething(ClusterSnapshot snapshot) {
        if (snapshot.loaded().isEmpty() && !snapshot.failed().isEmpty()) {
            throw new DoctorException(ExitCode.UNAVAILABLE, "nothing could be read: " + notRead(snapshot).get(0));
        }
    }

    private static Set<String> upper(List<String> ids) {
        Set<String> out = new LinkedHashSet<>();
        ids.stream().map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.toUpperCase(Locale.ROOT))
                .forEach(out::add);
        return out;
    }
}
