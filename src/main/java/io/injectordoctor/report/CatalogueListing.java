package io.injectordoctor.report;

import java.util.List;

/** The check catalogue in run order, as {@code checks list} shows it. */
public record CatalogueListing(List<Item> checks) {
    public CatalogueListing {
        checks = List.copyOf(checks);
    }

    /** One check: its id, what it verifies, its category and severity, and the runbook step it automates. */
    public record Item(String id, String title, String category, Severity severity, String runbookStep) {
    }
}
