package io.injectordoctor.app;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.cluster.Environment;
import io.injectordoctor.cluster.Kubeconfig;
import io.injectordoctor.report.FleetReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One command against several clusters (kubeconfig contexts), a bounded number at a time: the
 * command's own service runs once per context, and each cluster becomes a row with the summary the
 * single-cluster command would print. An unreachable cluster is a row, not the end of the run.
 */
public final class FleetService {
    private final Target target;

    public FleetService(Target target) {
        this.target = target;
    }

    /** What one cluster's run hands back: its exit code and its summary. */
    public record Summary(int exitCode, Object summary) {
    }

    /** The command on one cluster; a {@link DoctorException} becomes the row's error. */
    public interface PerCluster {
        Summary run(ClusterAccess access);
    }

    /**
     * @param contexts  the contexts to run on (null: every context of the kubeconfig)
     * @param progress  told after each cluster how many are done
     */
    public Outcome<FleetReport> run(String command, List<String> contexts, int parallel, PerCluster each,
            Consumer<String> progress) {
        if (target.snapshot() != null || target.demo()) {
            throw new DoctorException(ExitCode.USAGE, "--contexts and --all-contexts read live clusters; "
                    + "they do not go with --snapshot or --demo");
        }
        if (parallel < 1) {
            throw new DoctorException(ExitCode.USAGE, "--parallel must be at least 1");
        }
        List<String> names = contexts == null ? allContexts(target.kubeconfig()) : List.copyOf(contexts);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, names.size())));
        List<FleetReport.Cluster> rows = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<FleetReport.Cluster>> futures = new ArrayList<>();
            for (String ctx : names) {
                futures.add(pool.submit(() -> {
                    FleetReport.Cluster r = runOne(ctx, each);
                    progress.accept(done.incrementAndGet() + " of " + names.size() + " clusters done");
                    return r;
                }));
            }
            for (Future<FleetReport.Cluster> f : futures) {
                rows.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DoctorException(ExitCode.INTERNAL, "interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Outcome<>(new FleetReport(FleetReport.SCHEMA_VERSION, command, rows), exitCode(rows));
    }

    private FleetReport.Cluster runOne(String context, PerCluster each) {
        ClusterAccess access = new ClusterAccess(target.inContext(context), Progress.NONE);
        try {
            Summary s = each.run(access);
            return new FleetReport.Cluster(context, s.exitCode(), status(s.exitCode()), s.summary(), null);
        } catch (DoctorException e) {
            return new FleetReport.Cluster(context, e.exitCode(), status(e.exitCode()), null, e.getMessage());
        } catch (RuntimeException e) {
            // A bug on one cluster is that cluster's row; the others still get their answer.
            return new FleetReport.Cluster(context, ExitCode.INTERNAL, status(ExitCode.INTERNAL), null,
                    "internal error: " + e);
        }
    }

    /** Findings anywhere come first (they are actionable); else the first cluster that could not be read. */
    static int exitCode(List<FleetReport.Cluster> rows) {
        if (rows.stream().anyMatch(r -> r.exitCode() == ExitCode.FINDINGS)) {
            return ExitCode.FINDINGS;
        }
        return rows.stream().mapToInt(FleetReport.Cluster::exitCode).filter(c -> c != ExitCode.OK).findFirst()
                .orElse(ExitCode.OK);
    }

    static String status(int code) {
        return switch (code) {
            case ExitCode.OK -> "healthy";
            case ExitCode.FINDINGS -> "findings";
            case ExitCode.PARTIAL -> "partial";
            case ExitCode.UNAVAILABLE -> "unreachable";
            case ExitCode.NOPERM -> "forbidden";
            case ExitCode.USAGE -> "usage error";
            case ExitCode.DATA -> "bad input";
            default -> "internal error";
        };
    }

    /** Context names of the kubeconfig kubectl would read, merged as kubectl merges $KUBECONFIG. */
    static List<String> allContexts(Path kubeconfig) {
        Kubeconfig merged = Kubeconfig.load(kubeconfig, Environment.system());
        if (merged.contexts().isEmpty()) {
            throw new DoctorException(ExitCode.USAGE, "no context in the kubeconfig (" + (merged.files().isEmpty()
                    ? Kubeconfig.candidates(kubeconfig, Environment.system()) : merged.files()) + ")");
        }
        return List.copyOf(merged.contexts().keySet());
    }
}
