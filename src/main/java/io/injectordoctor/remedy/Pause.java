package io.injectordoctor.remedy;

import java.time.Duration;

/** Waits between two polls. The CLI sleeps; tests use it to play the controllers. */
@FunctionalInterface
public interface Pause {
    void pause(Duration d) throws InterruptedException;

    static Pause sleeping() {
        return d -> Thread.sleep(d.toMillis());
    }
}
