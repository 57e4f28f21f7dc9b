package io.injectordoctor.model;

import java.time.Instant;

public record EventInfo(ObjectMeta meta, String involvedKind, String involvedNamespace, String involvedName,
        String type, String reason, String message, int count, Instant lastSeen) {
}
