package io.injectordoctor.report;

/** Everything check-certs found for one injection hook. {@code revision} is the istio.io/rev label or null. */
public record HookReport(String configuration, String hook, int index, String revision, String tag,
        ProbeTarget target, String failurePolicy, BundleReport bundle, IdentityVerdict identity,
        ServedChainVerdict servedChain) {
}
