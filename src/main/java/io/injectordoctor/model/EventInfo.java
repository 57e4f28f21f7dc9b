package io.injectordoctor.model;

import java.time.Instant;

/** A warning event; {@code firstSeen} and {@code lastSeen} bound the {@code count} occurrences it stands for. */
public record EventInfo(ObjectMeta meta, String involvedKind, String involvedNamespace, String involvedName,
        String type, String reason, String message, int count, Instant firstSeen, Instant lastSeen) {
}
