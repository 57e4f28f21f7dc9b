package io.injectordoctor.remedy;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;

/**
 * Turns a failed API call into the one-line error and exit code the CLI documents: 77 when the
 * credentials are refused or the permission is missing (naming it), 69 when the cluster cannot be
 * reached or answers with a server error.
 */
final class ClusterErrors {
    private ClusterErrors() {
    }

    static DoctorException failure(KubernetesClientException e, String verb, String resource, String namespace) {
        String where = namespace == null ? "" : " in namespace " + namespace;
        int code = e.getCode();
        if (code == 401) {
            return new DoctorException(ExitCode.NOPERM,
                    "unauthorised: the cluster refused the credentials (" + verb + " " + resource + where + ")", e);
        }
        if (code == 403) {
            return new DoctorException(ExitCode.NOPERM,
                    "forbidden: missing permission to " + verb + " " + resource + where, e);
        }
        if (code == 0) {
            return new DoctorException(ExitCode.UNAVAILABLE,
                    "cluster unreachable while trying to " + verb + " " + resource + where + ": " + rootMessage(e), e);
        }
        return new DoctorException(ExitCode.UNAVAILABLE,
                "cluster error " + code + " while trying to " + verb + " " + resource + where + ": " + firstLine(e.getMessage()), e);
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
