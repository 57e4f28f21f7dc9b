package io.injectordoctor.checks;

import java.util.List;
import java.util.Set;

/** Which checks to run: {@code only} (empty means all) minus {@code skip}. */
public record RunOptions(Set<String> only, Set<String> skip) {
    public RunOptions {
        only = Set.copyOf(only);
        skip = Set.copyOf(skip);
    }

    public static RunOptions all() {
        return new RunOptions(Set.of(), Set.of());
    }

    boolean selects(String id) {
        return (only.isEmpty() || only.contains(id)) && !skip.contains(id);
    }

    /** Ids named in --only or --skip that no check has, for a usage error. */
    public List<String> unknown(Set<String> known) {
        return java.util.stream.Stream.concat(only.stream(), skip.stream())
                .filter(id -> !known.contains(id)).distinct().sorted().toList();
    }
}
