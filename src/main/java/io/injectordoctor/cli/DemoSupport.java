package io.injectordoctor.cli;

import io.fabric8.kubernetes.client.Config;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;

/** Starts the embedded demo cluster for --demo and keeps it up for the life of the process. */
final class DemoSupport {
    private DemoSupport() {
    }

    static Config config(GlobalOptions g) {
        throw new DoctorException(ExitCode.USAGE, "--demo is not available in this build");
    }
}
