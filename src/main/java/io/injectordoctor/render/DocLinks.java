package io.injectordoctor.render;

import io.injectordoctor.report.Command;
import io.injectordoctor.report.Invocation;

/**
 * The command that prints a documentation page from inside the binary, for a page named by its
 * repository path: findings point there, not to a checkout the user may not have.
 */
public final class DocLinks {
    private DocLinks() {
    }

    /**
     * {@code docs/checks/ID0601.md} gives {@code injector-doctor checks show ID0601};
     * {@code docs/check-certs.md#probe_failed} gives {@code injector-doctor docs check-certs#probe_failed},
     * spelled as this run was invoked. Anything else is returned as it is.
     */
    public static String command(String docPath, Invocation invocation) {
        Command c = Command.page(docPath);
        return c == null ? docPath : invocation.line(c);
    }
}
