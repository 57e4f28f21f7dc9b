package io.injectordoctor.remedy;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.cluster.Names;
import io.injectordoctor.report.InjectorTarget;
import java.util.List;
import java.util.stream.Collectors;

/** Picks the one injector to restart from the candidates, as --revision and --deployment ask. */
public final class TargetChoice {
    private TargetChoice() {
    }

    /**
     * @param revision   --revision, or null
     * @param deployment --deployment as NS/NAME, or null
     */
    public static InjectorTarget choose(List<InjectorTarget> candidates, String revision, String deployment) {
        validate(deployment);
        if (candidates.isEmpty()) {
            throw new DoctorException(ExitCode.FINDINGS,
                    "no injector found: no MutatingWebhookConfiguration has a hook named *istio.io whose service"
                            + " selects the pods of a Deployment");
        }
        List<InjectorTarget> chosen = candidates.stream()
                .filter(t -> deployment == null || t.id().equals(deployment))
                .filter(t -> revision == null || t.revision().equals(revision))
                .toList();
        if (chosen.isEmpty()) {
            String asked = deployment != null ? "--deployment " + deployment : "";
            if (revision != null) {
                asked += (asked.isEmpty() ? "" : " and ") + "--revision " + revision;
            }
            throw new DoctorException(ExitCode.USAGE,
                    "no injector matches " + asked + "; the injection hooks reach " + list(candidates));
        }
        if (chosen.size() > 1) {
            throw new DoctorException(ExitCode.USAGE, chosen.size() + " injector deployments qualify: "
                    + list(chosen) + "; choose one with --revision REV or --deployment NS/NAME");
        }
        return chosen.get(0);
    }

    /** Checked before the cluster is read, so a typo costs no API call. */
    public static void validate(String deployment) {
        if (deployment == null) {
            return;
        }
        if (!deployment.matches("[^/\\s]+/[^/\\s]+")) {
            throw new DoctorException(ExitCode.USAGE,
                    "--deployment wants NAMESPACE/NAME, got '" + deployment + "'");
        }
        String[] parts = deployment.split("/", -1);
        String problem = Names.namespaceProblem(parts[0]);
        if (problem == null) {
            problem = Names.objectNameProblem("deployment", parts[1]);
        }
        if (problem != null) {
            throw new DoctorException(ExitCode.USAGE, "--deployment " + deployment + ": " + problem);
        }
    }

    private static String list(List<InjectorTarget> targets) {
        return targets.stream().map(InjectorTarget::describe).collect(Collectors.joining(", "));
    }
}
