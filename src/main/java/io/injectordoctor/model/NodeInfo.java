package io.injectordoctor.model;

/** A node, reduced to what decides native sidecars: its kubelet's version (status.nodeInfo.kubeletVersion). */
public record NodeInfo(ObjectMeta meta, String kubeletVersion) {
    public String name() {
        return meta.name();
    }
}
