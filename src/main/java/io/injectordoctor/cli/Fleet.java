package io.injectordoctor.cli;

import io.injectordoctor.app.FleetService;
import io.injectordoctor.app.Outcome;
import io.injectordoctor.render.FleetText;
import io.injectordoctor.render.ProgressLine;
import io.injectordoctor.report.FleetReport;
import picocli.CommandLine.Model.CommandSpec;

/** A command's --contexts/--all-contexts run: its service on every cluster, one row each. */
final class Fleet {
    private Fleet() {
    }

    static int run(CommandSpec spec, GlobalOptions global, FleetOptions fleet, FleetService.PerCluster each) {
        Outcome<FleetReport> outcome;
        try (ProgressLine progress = ProgressLine.forTerminal(spec.commandLine().getErr(),
                global.output == GlobalOptions.OutputFormat.text)) {
            outcome = new FleetService(global.target()).run(spec.name(), fleet.allContexts ? null : fleet.contexts,
                    fleet.parallel, each, progress::show);
        }
        return new Output(spec, global).emit(outcome, (out, style, r) -> new FleetText(style).write(out, r));
    }
}
