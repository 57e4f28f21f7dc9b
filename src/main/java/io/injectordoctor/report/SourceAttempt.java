package io.injectordoctor.report;

/** What happened when one root source was consulted, so the report says why a source was (not) used. */
public record SourceAttempt(String source, Outcome outcome, String reason) {
    public enum Outcome {
        /** This source gave the root. */
        USED,
        /** The object or the key does not exist. */
        ABSENT,
        /** The object could not be read (e.g. secrets forbidden); the reason says which permission. */
        SKIPPED,
        /** The entry exists but holds no usable certificate. */
        UNUSABLE,
        /** An earlier source (or --root-cert) already gave the root. */
        NOT_CONSULTED
    }
}
