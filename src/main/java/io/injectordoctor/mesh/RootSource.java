package io.injectordoctor.mesh;

/** One place where the mesh root may be kept: a secret or configmap entry, or a file. */
public record RootSource(Kind kind, String namespace, String name, String key) {
    public enum Kind { SECRET, CONFIGMAP, FILE }

    public static RootSource file(String path) {
        return new RootSource(Kind.FILE, null, path, null);
    }

    public String describe() {
        return switch (kind) {
            case SECRET -> "secret " + namespace + "/" + name + " key " + key;
            case CONFIGMAP -> "configmap " + namespace + "/" + name + " key " + key;
            case FILE -> "file " + name + " (--root-cert)";
        };
    }
}
