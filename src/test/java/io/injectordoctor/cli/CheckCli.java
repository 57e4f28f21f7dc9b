package io.injectordoctor.cli;

import io.injectordoctor.testing.MockCluster;

/** Runs the CLI in-process with captured output. */
final class CheckCli {
    record Result(int code, String out, String err) {
    }

    private CheckCli() {
    }

    static Result run(String... args) {
        MockCluster.Result r = MockCluster.Result.of(args);
        return new Result(r.exitCode(), r.out(), r.err());
    }
}
