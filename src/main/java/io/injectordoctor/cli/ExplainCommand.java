package io.injectordoctor.cli;

import picocli.CommandLine.Command;

@Command(name = "explain", description = "Explain why a pod was or was not injected.")
final class ExplainCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("explain is being built");
    }
}
