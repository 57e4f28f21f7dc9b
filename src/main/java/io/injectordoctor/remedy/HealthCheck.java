package io.injectordoctor.remedy;

/**
 * One named observation about the injector: its name stays the same before and after the restart
 * so the two can be shown side by side.
 *
 * @param name   stable name, e.g. {@code endpoints istio-system/istiod:443} or
 *               {@code caBundle istio-sidecar-injector/namespace.sidecar-injector.istio.io}
 * @param area   {@code endpoints} or {@code certificates}
 * @param status the verdict
 * @param detail one line of evidence
 */
public record HealthCheck(String name, String area, Status status, String detail) {
    public enum Status {
        /** Healthy. */
        OK,
        /** A problem a restart may fix. */
        PROBLEM,
        /** Could not be judged (an object or a permission is missing); not counted as a problem. */
        UNKNOWN
    }

    public static HealthCheck ok(String name, String area, String detail) {
        return new HealthCheck(name, area, Status.OK, detail);
    }

    public static HealthCheck problem(String name, String area, String detail) {
        return new HealthCheck(name, area, Status.PROBLEM, detail);
    }

    public static HealthCheck unknown(String name, String area, String detail) {
        return new HealthCheck(name, area, Status.UNKNOWN, detail);
    }
}
