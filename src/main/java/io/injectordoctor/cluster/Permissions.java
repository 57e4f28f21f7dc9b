package io.injectordoctor.cluster;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;

/** Turns API failures into one-line messages that name what is missing, with the documented exit code. */
public final class Permissions {
    private Permissions() {
    }

    /** "forbidden: cannot list pods in namespace default (needs RBAC verb 'list' on 'pods')". */
    public static String forbidden(String verb, ResourceKind kind, String namespace) {
        String where = !kind.namespaced() ? " (cluster-wide)"
                : namespace == null ? " in any namespace" : " in namespace " + namespace;
        return "forbidden: cannot " + verb + " " + kind.resource() + where + " (needs RBAC verb '" + verb + "' on '"
                + kind.qualifiedResource() + "')";
    }

    /**
     * The API server answered with its own failure (5xx) after the retries: the kind is missing from
     * this run, not refused, and the rest of the cluster may still be read.
     */
    static boolean serverFailure(ApiException e) {
        return !e.badAnswer() && e.code() >= 500 && e.code() <= 599;
    }

    /** "the API server failed to list pods (GET /api/v1/pods): HTTP 503: etcdserver: request timed out". */
    static String failedRead(ApiException e, String verb, ResourceKind kind, String namespace) {
        String path = e.path() == null ? "" : e.path().contains("?") ? e.path().substring(0, e.path().indexOf('?'))
                : e.path();
        return "the API server failed to " + verb + " " + kind.resource() + (namespace == null ? ""
                : " in namespace " + namespace) + " (" + e.method() + " " + path + "): HTTP " + e.code() + ": "
                + e.getMessage();
    }

    public static DoctorException failure(ApiException e, String server, String verb, ResourceKind kind,
            String namespace) {
        if (e.badAnswer()) {
            return new DoctorException(ExitCode.UNAVAILABLE, "the API server at " + server + " sent a bad answer to "
                    + verb + " " + kind.resource() + (namespace == null ? "" : " in namespace " + namespace) + " ("
                    + e.method() + " " + e.path() + "): " + e.getMessage(), e);
        }
        int code = e.code() < 0 ? 0 : e.code();
        return switch (code) {
            case 0 -> new DoctorException(ExitCode.UNAVAILABLE,
                    "cannot reach the API server at " + server + ": " + e.getMessage(), e);
            case 401 -> new DoctorException(ExitCode.NOPERM,
                    "unauthorised: the API server at " + server + " rejected the credentials (HTTP 401); log in again or check the kubeconfig user", e);
            case 403 -> new DoctorException(ExitCode.NOPERM, forbidden(verb, kind, namespace), e);
            default -> new DoctorException(ExitCode.UNAVAILABLE, "the API server failed to " + verb + " "
                    + kind.resource() + (namespace == null ? "" : " in namespace " + namespace) + ": HTTP " + e.code()
                    + ": " + e.getMessage(), e);
        };
    }
}
