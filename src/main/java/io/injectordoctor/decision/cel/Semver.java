package io.injectordoctor.decision.cel;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A semantic version as github.com/blang/semver/v4 {@code Parse} reads it, which the Kubernetes
 * semver library uses (pkg/cel/library/semverlib.go), with its error messages, its ordering
 * ({@code Compare}: build metadata ignored, a pre-release before its release) and the library's
 * own {@code normalizeAndParse} ("v" prefix, missing minor and patch, leading zeros).
 */
final class Semver implements Comparable<Semver> {
    private static final String NUMBERS = "0123456789";
    private static final String ALPHANUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-" + NUMBERS;

    final long major;
    final long minor;
    final long patch;
    final List<String> pre;
    final List<String> build;

    private Semver(long major, long minor, long patch, List<String> pre, List<String> build) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.pre = List.copyOf(pre);
        this.build = List.copyOf(build);
    }

    static Semver parse(String s) {
        if (s.isEmpty()) {
            throw new LibraryError("Version string empty");
        }
        String[] parts = s.split("\\.", 3);
        if (parts.length != 3) {
            throw new LibraryError("No Major.Minor.Patch elements found");
        }
        long major = number(parts[0], "major", "Major");
        long minor = number(parts[1], "minor", "Minor");
        String patchStr = parts[2];
        List<String> build = new ArrayList<>();
        List<String> pre = new ArrayList<>();
        int plus = patchStr.indexOf('+');
        if (plus >= 0) {
            build.addAll(List.of(patchStr.substring(plus + 1).split("\\.", -1)));
            patchStr = patchStr.substring(0, plus);
        }
        int dash = patchStr.indexOf('-');
        if (dash >= 0) {
            pre.addAll(List.of(patchStr.substring(dash + 1).split("\\.", -1)));
            patchStr = patchStr.substring(0, dash);
        }
        long patch = number(patchStr, "patch", "Patch");
        for (String p : pre) {
            if (p.isEmpty()) {
                throw new LibraryError("Prerelease is empty");
            }
            if (containsOnly(p, NUMBERS)) {
                if (p.length() > 1 && p.charAt(0) == '0') {
                    throw new LibraryError("Numeric PreRelease version must not contain leading zeroes " + IpAddress.quote(p));
                }
            } else if (!containsOnly(p, ALPHANUM)) {
                throw new LibraryError("Invalid character(s) found in prerelease " + IpAddress.quote(p));
            }
        }
        for (String b : build) {
            if (b.isEmpty()) {
                throw new LibraryError("Build meta data is empty");
            }
            if (!containsOnly(b, ALPHANUM)) {
                throw new LibraryError("Invalid character(s) found in build meta data " + IpAddress.quote(b));
            }
        }
        return new Semver(major, minor, patch, pre, build);
    }

    private static long number(String s, String lower, String upper) {
        if (!containsOnly(s, NUMBERS)) {
            throw new LibraryError("Invalid character(s) found in " + lower + " number " + IpAddress.quote(s));
        }
        if (s.length() > 1 && s.charAt(0) == '0') {
            throw new LibraryError(upper + " number must not contain leading zeroes " + IpAddress.quote(s));
        }
        try {
            BigInteger v = new BigInteger(s);
            if (v.bitLength() > 64) {
                throw new LibraryError("strconv.ParseUint: parsing " + IpAddress.quote(s) + ": value out of range");
            }
            return v.longValue();
        } catch (NumberFormatException e) {
            throw new LibraryError("strconv.ParseUint: parsing " + IpAddress.quote(s) + ": invalid syntax");
        }
    }

    private static boolean containsOnly(String s, String set) {
        return s.chars().allMatch(c -> set.indexOf(c) >= 0);
    }

    /** semverlib.go {@code normalizeAndParse}. */
    static Semver normalizeAndParse(String s) {
        String t = s.startsWith("v") ? s.substring(1) : s;
        List<String> parts = new ArrayList<>(List.of(t.split("\\.", 3)));
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i);
            if (p.length() > 1) {
                p = p.replaceFirst("^0+", "");
                if (p.isEmpty() || NUMBERS.indexOf(p.charAt(0)) < 0) {
                    p = "0" + p;
                }
                parts.set(i, p);
            }
        }
        if (parts.size() < 3) {
            String last = parts.get(parts.size() - 1);
            if (last.contains("+") || last.contains("-")) {
                throw new LibraryError("short version cannot contain PreRelease/Build meta data");
            }
            while (parts.size() < 3) {
                parts.add("0");
            }
        }
        return parse(String.join(".", parts));
    }

    @Override
    public int compareTo(Semver o) {
        int c = Long.compareUnsigned(major, o.major);
        c = c != 0 ? c : Long.compareUnsigned(minor, o.minor);
        c = c != 0 ? c : Long.compareUnsigned(patch, o.patch);
        if (c != 0) {
            return Integer.signum(c);
        }
        if (pre.isEmpty() || o.pre.isEmpty()) {
            return pre.isEmpty() == o.pre.isEmpty() ? 0 : pre.isEmpty() ? 1 : -1;
        }
        for (int i = 0; i < Math.min(pre.size(), o.pre.size()); i++) {
            int d = comparePre(pre.get(i), o.pre.get(i));
            if (d != 0) {
                return d;
            }
        }
        return Integer.compare(pre.size(), o.pre.size());
    }

    private static int comparePre(String a, String b) {
        boolean na = containsOnly(a, NUMBERS);
        boolean nb = containsOnly(b, NUMBERS);
        if (na && nb) {
            return Integer.signum(new BigInteger(a).compareTo(new BigInteger(b)));
        }
        if (na != nb) {
            return na ? -1 : 1;
        }
        return Integer.signum(a.compareTo(b));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Semver v && compareTo(v) == 0 && build.equals(v.build);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(major) * 31 * 31 + Long.hashCode(minor) * 31 + Long.hashCode(patch);
    }
}
