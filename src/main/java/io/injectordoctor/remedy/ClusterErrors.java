package io.injectordoctor.remedy;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.cluster.ApiException;
import io.injectordoctor.cluster.Permissions;
import io.injectordoctor.cluster.ResourceKind;

/**
 * Turns a failed API call into the one-line error and exit code the CLI documents, worded as the
 * loader words them: 77 with the missing permission named, 69 when the cluster cannot be reached
 * or answers with a server error.
 */
final class ClusterErrors {
    private ClusterErrors() {
    }

    static DoctorException failure(KubernetesClientException e, String verb, ResourceKind kind, String namespace) {
        // fabric8 reports "no HTTP answer at all" (refused, reset, timed out) as code 0 or -1.
        if (e.getCode() <= 0) {
            return new DoctorException(ExitCode.UNAVAILABLE, "cannot reach the API server (" + verb + " "
                    + kind.resource() + "): " + rootMessage(e), e);
        }
        String message = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                : firstLine(e.getMessage());
        return Permissions.failure(new ApiException(e.getCode(), verb, "", message, e), "the API server", verb, kind,
                namespace);
    }

    /** For calls outside the loader's kinds (the access review). */
    static DoctorException failure(KubernetesClientException e, String verb, String resource) {
        if (e.getCode() <= 0) {
            return new DoctorException(ExitCode.UNAVAILABLE, "cannot reach the API server (" + verb + " " + resource
                    + "): " + rootMessage(e), e);
        }
        return new DoctorException(e.getCode() == 401 ? ExitCode.NOPERM : ExitCode.UNAVAILABLE, "the API server failed to "
                + verb + " " + resource + ": HTTP " + e.getCode() + ": " + firstLine(e.getMessage()), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return firstLine(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
