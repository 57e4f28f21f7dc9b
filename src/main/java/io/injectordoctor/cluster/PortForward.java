package io.injectordoctor.cluster;

/** A local port forwarded to a pod's port; close it when done. */
public interface PortForward extends AutoCloseable {
    int localPort();

    /** What went wrong in the tunnel, or null. */
    String error();

    @Override
    void close();
}
