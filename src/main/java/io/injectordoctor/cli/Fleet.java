package io.injectordoctor.cli;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.cluster.Environment;
import io.injectordoctor.cluster.Kubeconfig;
import io.injectordoctor.render.FleetText;
import io.injectordoctor.render.FleetText.Row;
import io.injectordoctor.render.ProgressLine;
import io.injectordoctor.render.Structured;
import io.injectordoctor.render.Style;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs a command once per kubeconfig context, a bounded number at a time, and prints one row per
 * cluster. Each run is the command itself with {@code --context} and {@code -o json}, so a fleet
 * row says exactly what the single-cluster command would; an unreachable cluster is a row, not
 * the end of the run.
 */
final class Fleet {
    record Report(int schemaVersion, String command, List<Row> clusters) {
    }

    private Fleet() {
    }

    static int run(CommandSpec spec, GlobalOptions global, FleetOptions fleet) {
        if (global.snapshot != null || global.demo) {
            throw new DoctorException(ExitCode.USAGE, "--contexts and --all-contexts read live clusters; "
                    + "they do not go with --snapshot or --demo");
        }
        if (fleet.parallel < 1) {
            throw new DoctorException(ExitCode.USAGE, "--parallel must be at least 1");
        }
        List<String> contexts = fleet.allContexts ? allContexts(global.kubeconfig) : fleet.contexts;
        List<String> base = singleClusterArgs(spec);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(fleet.parallel, Math.max(1, contexts.size())));
        List<Row> rows = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        try (ProgressLine progress = ProgressLine.forTerminal(spec.commandLine().getErr(),
                global.output == GlobalOptions.OutputFormat.text)) {
            List<Future<Row>> futures = new ArrayList<>();
            for (String ctx : contexts) {
                futures.add(pool.submit(() -> {
                    Row r = runOne(base, ctx);
                    progress.show(done.incrementAndGet() + " of " + contexts.size() + " clusters done");
                    return r;
                }));
            }
            for (Future<Row> f : futures) {
                rows.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DoctorException(ExitCode.INTERNAL, "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Report report = new Report(1, spec.name(), rows);
        PrintWriter out = spec.commandLine().getOut();
        switch (global.output) {
            case text -> new FleetText(Style.detect(global.noColor)).write(out, report.command(), rows);
            case json -> Structured.write(out, report, false);
            case yaml -> Structured.write(out, report, true);
        }
        return exitCode(rows);
    }

    /** Findings anywhere come first (they are actionable); else the first cluster that could not be read. */
    static int exitCode(List<Row> rows) {
        if (rows.stream().anyMatch(r -> r.exitCode() == ExitCode.FINDINGS)) {
            return ExitCode.FINDINGS;
        }
        return rows.stream().mapToInt(Row::exitCode).filter(c -> c != ExitCode.OK).findFirst().orElse(ExitCode.OK);
    }

    private static Row runOne(List<String> base, String context) {
        List<String> args = new ArrayList<>(base);
        args.add("--context");
        args.add(context);
        args.add("-o");
        args.add("json");
        TopLevelFields fields = new TopLevelFields(Set.of("summary", "success"));
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(fields, java.nio.charset.StandardCharsets.UTF_8));
        StringWriter err = new StringWriter();
        int code = Main.run(out, new PrintWriter(err), args.toArray(String[]::new));
        out.flush();
        String error = err.toString().lines().filter(l -> l.startsWith("error: "))
                .map(l -> l.substring("error: ".length())).findFirst().orElse(null);
        // No JSON when the run failed before printing; the error line says why.
        Object summary = fields.get("summary").map(Object.class::cast)
                .or(() -> fields.get("success").map(s -> Map.of("success", s))).orElse(null);
        return new Row(context, code, status(code), summary, error);
    }

    static String status(int code) {
        return switch (code) {
            case ExitCode.OK -> "healthy";
            case ExitCode.FINDINGS -> "findings";
            case ExitCode.UNAVAILABLE -> "unreachable";
            case ExitCode.NOPERM -> "forbidden";
            case ExitCode.USAGE -> "usage error";
            case ExitCode.DATA -> "bad input";
            default -> "internal error";
        };
    }

    /** The invocation without the fleet options and without the output and context choice. */
    static List<String> singleClusterArgs(CommandSpec spec) {
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = original.iterator(); it.hasNext();) {
            String a = it.next();
            if (a.equals("--contexts") || a.equals("--parallel") || a.equals("--context") || a.equals("-o")
                    || a.equals("--output")) {
                if (it.hasNext()) {
                    it.next();
                }
                continue;
            }
            if (a.equals("--all-contexts") || a.startsWith("--contexts=") || a.startsWith("--parallel=")
                    || a.startsWith("--context=") || a.startsWith("--output=") || (a.startsWith("-o") && a.length() > 2)) {
                continue;
            }
            out.add(a);
        }
        return out;
    }

    /** Context names of the kubeconfig kubectl would read, merged as kubectl merges $KUBECONFIG. */
    static List<String> allContexts(Path kubeconfig) {
        Kubeconfig merged = Kubeconfig.load(kubeconfig, Environment.system());
        if (merged.contexts().isEmpty()) {
            throw new DoctorException(ExitCode.USAGE, "no context in the kubeconfig ("
                    + (merged.files().isEmpty() ? Kubeconfig.candidates(kubeconfig, Environment.system()) : merged.files()) + ")");
        }
        return List.copyOf(merged.contexts().keySet());
    }
}
