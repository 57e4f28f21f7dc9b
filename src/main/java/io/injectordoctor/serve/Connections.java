package io.injectordoctor.serve;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open connections and what each is doing. At the cap, a newcomer takes the place of the
 * connection that has waited longest on its client: a stalled or slow client can hold a place only
 * until someone needs it, and a connection that is answering is never cut.
 */
final class Connections {
    private final int max;
    /** Insertion order is the order in which each began to wait on its client. */
    private final Map<Socket, Boolean> waiting = new LinkedHashMap<>();
    private final List<Socket> busy = new ArrayList<>();
    private int highWater;

    Connections(int max) {
        this.max = max;
    }

    /** Takes {@code s} in, closing the longest waiting connection if need be; false when all are busy. */
    boolean admit(Socket s) {
        Socket evicted = null;
        synchronized (this) {
            if (waiting.size() + busy.size() >= max) {
                if (waiting.isEmpty()) {
                    return false;
                }
                evicted = waiting.keySet().iterator().next();
                waiting.remove(evicted);
            }
            waiting.put(s, Boolean.TRUE);
            highWater = Math.max(highWater, waiting.size() + busy.size());
        }
        close(evicted);
        return true;
    }

    synchronized void busy(Socket s) {
        if (waiting.remove(s) != null) {
            busy.add(s);
        }
    }

    /** Back to waiting (for the next request on a kept-alive connection), at the end of the line. */
    synchronized boolean waiting(Socket s) {
        if (!busy.remove(s)) {
            return false;
        }
        waiting.put(s, Boolean.TRUE);
        return true;
    }

    synchronized void gone(Socket s) {
        waiting.remove(s);
        busy.remove(s);
    }

    synchronized int open() {
        return waiting.size() + busy.size();
    }

    /** The most connections that were open at once. */
    synchronized int highWater() {
        return highWater;
    }

    synchronized List<Socket> all() {
        List<Socket> all = new ArrayList<>(waiting.keySet());
        all.addAll(busy);
        return all;
    }

    static void close(Socket s) {
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (IOException ignored) {
            // closing is all that was wanted
        }
    }
}
