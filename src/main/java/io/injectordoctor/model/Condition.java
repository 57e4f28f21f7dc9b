package io.injectordoctor.model;

import java.time.Instant;

public record Condition(String type, String status, String reason, String message, Instant lastTransition) {
}
