package io.injectordoctor.report;


/**
 * The runbook's comparison: md5 of the base64 text, exactly what {@code kubectl ... -o jsonpath=...
 * | md5sum} prints (jsonpath prints no trailing newline), with the pipeline that reproduces it.
 * Two texts that hold the same certificates can still differ here (line breaks, order); the
 * identity comparison is the one that decides.
 */
public record RunbookDigest(String md5, String command) {
}
