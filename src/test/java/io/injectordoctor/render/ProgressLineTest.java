package io.injectordoctor.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    @Test
    void staysQuietForTheFirstSecondThenRewritesOneLineAndClearsIt() {
        StringWriter sw = new StringWriter();
        AtomicLong now = new AtomicLong(1_000);
        try (ProgressLine p = new ProgressLine(new PrintWriter(sw), true, now::get)) {
            p.show("reading pods: 500 so far");
            assertThat(sw.toString()).isEmpty();
            now.addAndGet(ProgressLine.DELAY_MS);
            p.show("reading pods: 1000 so far");
            p.show("reading pods: 10 so far");
        }
        assertThat(sw.toString()).isEqualTo("\rreading pods: 1000 so far" + "\rreading pods: 10 so far  "
                + "\r" + " ".repeat("reading pods: 10 so far".length()) + "\r");
    }

    @Test
    void printsNothingWhenNotOnATerminalOrForMachineOutput() {
        StringWriter sw = new StringWriter();
        AtomicLong now = new AtomicLong();
        try (ProgressLine p = new ProgressLine(new PrintWriter(sw), false, now::get)) {
            now.addAndGet(10_000);
            p.show("reading pods: 500 so far");
        }
        assertThat(sw.toString()).isEmpty();
        // Tests and pipes have no console, so the terminal-facing line is off there.
        StringWriter piped = new StringWriter();
        try (ProgressLine p = ProgressLine.forTerminal(new PrintWriter(piped), true)) {
            p.show("x");
        }
        assertThat(piped.toString()).isEmpty();
    }
}
