package io.injectordoctor.app;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.cluster.AtomicFile;
import io.injectordoctor.cluster.Capture;
import io.injectordoctor.cluster.ClusterGateway;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.LiveLoader;
import io.injectordoctor.cluster.LoadRequest;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.report.CaptureSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * {@code snapshot}: every object a diagnosis reads, with what must not leave the cluster removed,
 * written into one file that {@code --snapshot} reads back with identical results. The file is
 * written only once the capture is complete, and atomically: a capture that fails leaves an
 * existing file as it was. A kind the API server fails to give (5xx) is recorded as not captured,
 * and the capture is partial (exit 2); a refused kind is recorded too.
 */
public final class SnapshotService {
    private final ClusterAccess access;

    public SnapshotService(ClusterAccess access) {
        this.access = access;
    }

    /**
     * @param namespace the namespace whose workloads to capture (null: all)
     * @param output    the file to write, or "-" for {@code stdout}
     * @return what was captured, with the kinds that could not be read
     */
    public Outcome<CaptureSummary> capture(String namespace, String output, PrintWriter stdout) {
        access.config();
        boolean toStdout = "-".equals(output);
        Path file = toStdout ? null : Path.of(output);
        Path spoolDir = toStdout || !AtomicFile.replaceable(file) ? Path.of(System.getProperty("java.io.tmpdir"))
                : AtomicFile.directoryOf(file);
        LoadRequest everything = new LoadRequest(EnumSet.allOf(ResourceKind.class), namespace, null).withPartialResults();
        try (ClusterGateway api = access.gateway(); Capture capture = spool(spoolDir, output)) {
            String source = api.config().describe();
            ClusterSnapshot s = new LiveLoader(api, access.target().istioNamespace(), capture::add).load(everything, source);
            AtomicFile.Body body = w -> capture.writeTo(w, source, s.loaded(), s.unreadable(), s.failed());
            if (toStdout) {
                body.write(stdout);
                stdout.flush();
                if (stdout.checkError()) {
                    throw new IOException("the output was cut off");
                }
            } else {
                AtomicFile.write(file, body);
            }
            CaptureSummary summary = new CaptureSummary(s.namespaces().size(), s.pods().size(), s.workloads().size(),
                    s.webhookConfigurations().size(), s.secrets().size(), List.copyOf(s.unreadable().values()),
                    capture.scrubbed());
            return new Outcome<>(summary, s.failed().isEmpty() ? ExitCode.OK : ExitCode.PARTIAL);
        } catch (IOException | UncheckedIOException e) {
            throw new DoctorException(ExitCode.IOERR, (toStdout ? "standard output" : output) + ": cannot write: "
                    + message(e) + (toStdout || !AtomicFile.replaceable(file) ? "" : "; nothing was written"), e);
        }
    }

    private static Capture spool(Path dir, String output) {
        try {
            return new Capture(dir);
        } catch (UncheckedIOException e) {
            throw new DoctorException(ExitCode.IOERR, output + ": cannot write: " + message(e));
        }
    }

    private static String message(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof java.nio.file.NoSuchFileException n) {
            return (n.getFile() == null ? "" : n.getFile() + ": ") + "no such directory";
        }
        if (t instanceof java.nio.file.AccessDeniedException a) {
            return (a.getFile() == null ? "" : a.getFile() + ": ") + "permission denied";
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
