package io.injectordoctor.model;

import java.util.Map;

public record ConfigMapInfo(ObjectMeta meta, Map<String, String> data) {
    public ConfigMapInfo {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
