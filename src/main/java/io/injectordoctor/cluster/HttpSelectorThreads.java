package io.injectordoctor.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * The JDK HTTP client keeps a selector thread blocked in native code until the client has been
 * garbage collected and a three-second select timeout has passed. At exit the JVM waits up to
 * 0.3 s for threads in native code, which doubled the time of a short command. An interrupted
 * selector thread leaves its loop at once; call this only when no request is in flight.
 */
public final class HttpSelectorThreads {
    private HttpSelectorThreads() {
    }

    /** Interrupts the JDK HTTP clients' selector threads and waits briefly for them to end. */
    public static void stop() {
        for (Thread t : selectorThreads()) {
            t.interrupt();
            try {
                t.join(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** How many such threads are alive; for tests. */
    public static int alive() {
        return selectorThreads().size();
    }

    private static List<Thread> selectorThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 8];
        int n = root.enumerate(threads, true);
        List<Thread> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = threads[i].getName();
            if (threads[i].isAlive() && name.startsWith("HttpClient-") && name.endsWith("-SelectorManager")) {
                out.add(threads[i]);
            }
        }
        return out;
    }
}
