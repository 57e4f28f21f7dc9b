package io.injectordoctor.checks;

import io.injectordoctor.model.PodInfo;
import io.injectordoctor.report.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * A check that judges each pod on its own. {@code explain pods} streams a cluster's pods through
 * {@link #judge} one page at a time instead of holding them all, and gets the same findings as
 * {@code check}, which runs it over every pod of its snapshot.
 */
public interface PodCheck extends Check {
    List<Finding> judge(CheckContext context, PodInfo pod);

    @Override
    default List<Finding> run(CheckContext context) {
        List<Finding> out = new ArrayList<>();
        for (PodInfo p : context.snapshot().pods()) {
            out.addAll(judge(context, p));
        }
        return out;
    }
}
