package io.injectordoctor.mesh;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An Istio release, read from an image tag such as {@code 1.22.3}, {@code 1.27.0-distroless}. */
public record IstioVersion(int major, int minor, int patch) implements Comparable<IstioVersion> {
    private static final Pattern TAG = Pattern.compile("^v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:[-+_.].*)?$");

    public static Optional<IstioVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = TAG.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new IstioVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The tag part of an image reference ({@code docker.io/istio/pilot:1.22.3@sha256:…} → {@code 1.22.3}). */
    public static Optional<IstioVersion> fromImage(String image) {
        if (image == null) {
            return Optional.empty();
        }
        String ref = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        if (colon <= slash) {
            return Optional.empty();
        }
        return parse(ref.substring(colon + 1));
    }

    public boolean atLeast(int maj, int min) {
        return major > maj || (major == maj && minor >= min);
    }

    @Override
    public int compareTo(IstioVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c == 0 ? Integer.compare(patch, o.patch) : c;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
