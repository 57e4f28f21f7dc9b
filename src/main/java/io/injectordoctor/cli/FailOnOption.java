package io.injectordoctor.cli;

import io.injectordoctor.report.Severity;
import picocli.CommandLine.Option;

/** --fail-on, the one exit threshold of explain and check. */
public final class FailOnOption {
    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit 1 when a finding reaches this level: error or warning (default: ${DEFAULT-VALUE})."
                    + " A mismatch is an error.")
    Level level = Level.error;

    enum Level { error, warning }

    Severity threshold() {
        return level == Level.warning ? Severity.WARNING : Severity.ERROR;
    }
}
