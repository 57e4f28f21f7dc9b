package io.injectordoctor.cli;

import io.injectordoctor.testing.MockCluster;

/** Runs the CLI in-process with captured output. */
final class DemoCliRunner {
    record Run(int code, String out, String err) {
    }

    private DemoCliRunner() {
    }

    static Run run(String... args) {
        MockCluster.Result r = MockCluster.Result.of(args);
        return new Run(r.exitCode(), r.out(), r.err());
    }
}
