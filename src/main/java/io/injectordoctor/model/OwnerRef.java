package io.injectordoctor.model;

public record OwnerRef(String kind, String name, String uid, boolean controller) {
}
