package io.injectordoctor.render;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * One line on a terminal saying what a long run is doing ("fetching pods: page 7, 3,500 objects"),
 * rewritten in place and cleared at the end. It appears only after a second, so quick runs stay
 * quiet, and only when asked for: never in JSON or YAML output, never when output is piped.
 */
public final class ProgressLine implements AutoCloseable {
    static final long DELAY_MS = 1_000;

    private final PrintWriter err;
    private final boolean enabled;
    private final LongSupplier clockMs;
    private final long start;
    private int shownWidth;

    public ProgressLine(PrintWriter err, boolean enabled, LongSupplier clockMs) {
        this.err = err;
        this.enabled = enabled;
        this.clockMs = clockMs;
        this.start = clockMs.getAsLong();
    }

    /** Enabled for text output on an interactive terminal. */
    public static ProgressLine forTerminal(PrintWriter err, boolean textOutput) {
        return new ProgressLine(err, textOutput && Terminal.interactive(), System::currentTimeMillis);
    }

    public static ProgressLine off() {
        return new ProgressLine(new PrintWriter(java.io.Writer.nullWriter()), false, () -> 0);
    }

    public synchronized void show(String status) {
        if (!enabled || clockMs.getAsLong() - start < DELAY_MS) {
            return;
        }
        String line = status.length() > 100 ? status.substring(0, 100) : status;
        err.print("\r" + line + " ".repeat(Math.max(0, shownWidth - line.length())));
        err.flush();
        shownWidth = line.length();
    }

    @Override
    public synchronized void close() {
        if (shownWidth > 0) {
            err.print("\r" + " ".repeat(shownWidth) + "\r");
            err.flush();
            shownWidth = 0;
        }
    }
}
