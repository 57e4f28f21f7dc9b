package io.injectordoctor.remedy;

import io.injectordoctor.report.RestartRecord;
import java.util.ArrayList;
import java.util.List;

/** The restart's report is a difference: each check before and after, its findings resolved, remaining or new. */
public final class CheckChanges {
    private CheckChanges() {
    }

    /** @param after null when the checks were not run again */
    public static List<RestartRecord.Change> between(RestartRecord.Judgement before, RestartRecord.Judgement after) {
        List<RestartRecord.Change> out = new ArrayList<>();
        for (RestartRecord.Check b : before.checks()) {
            RestartRecord.Check a = after == null ? null
                    : after.checks().stream().filter(c -> c.id().equals(b.id())).findFirst().orElse(null);
            if (a == null) {
                out.add(new RestartRecord.Change(b.id(), b.title(), b.status(), null, List.of(), b.findings(), List.of()));
                continue;
            }
            out.add(new RestartRecord.Change(b.id(), b.title(), b.status(), a.status(),
                    b.findings().stream().filter(f -> !a.findings().contains(f)).toList(),
                    b.findings().stream().filter(a.findings()::contains).toList(),
                    a.findings().stream().filter(f -> !b.findings().contains(f)).toList()));
        }
        return out;
    }
}
