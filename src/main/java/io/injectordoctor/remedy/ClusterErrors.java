package io.injectordoctor.remedy;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.cluster.ApiException;
import io.injectordoctor.cluster.ClusterGateway;
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

    static DoctorException failure(ClusterGateway api, ApiException e, String verb, ResourceKind kind, String namespace) {
        return Permissions.failure(e, api.server(), verb, kind, namespace);
    }

    /** For calls outside the loader's kinds (the access review). */
    static DoctorException failure(ClusterGateway api, ApiException e, String verb, String resource) {
        if (e.unreachable()) {
            return new DoctorException(ExitCode.UNAVAILABLE, "cannot reach the API server at " + api.server() + " ("
                    + verb + " " + resource + "): " + e.getMessage(), e);
        }
        return new DoctorException(e.code() == 401 ? ExitCode.NOPERM : ExitCode.UNAVAILABLE, "the API server failed to "
                + verb + " " + resource + ": " + (e.badAnswer() ? "" : "HTTP " + e.code() + ": ") + e.getMessage(), e);
    }
}
