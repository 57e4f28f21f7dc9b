package io.injectordoctor.remedy;

import io.injectordoctor.checks.CheckRegistry;
import io.injectordoctor.checks.RunOptions;
import io.injectordoctor.checks.Runner;
import io.injectordoctor.checks.Subjects;
import io.injectordoctor.checks.certs.CaBundleTrustsRoot;
import io.injectordoctor.checks.health.InjectorEndpointsReady;
import io.injectordoctor.checks.health.InjectorPodsReady;
import io.injectordoctor.checks.webhooks.InjectionWebhookPresent;
import io.injectordoctor.checks.webhooks.WebhookServiceExists;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.report.CheckReport;
import io.injectordoctor.report.CheckResult;
import io.injectordoctor.report.Finding;
import io.injectordoctor.report.HookRef;
import io.injectordoctor.report.InjectorTarget;
import io.injectordoctor.report.RestartRecord;
import io.injectordoctor.report.Severity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Judges the injector with the catalogue's own checks, the ones a restart can change: the
 * injection webhooks are there (ID0201), their service exists (ID0204), their caBundle trusts the
 * mesh root (ID0701), the service has ready endpoints (ID0801) and ready pods (ID0802). The one
 * place remedy runs checks; findings about other injectors (other revisions' hooks and services)
 * are left out, so the judgement is about the target alone.
 */
public final class InjectorJudge {
    // The ids are asked of the checks themselves: an id is written only by its check's class.
    static final String WEBHOOKS = new InjectionWebhookPresent().id();
    static final String SERVICE = new WebhookServiceExists().id();
    static final String CA_BUNDLE = new CaBundleTrustsRoot().id();
    static final String ENDPOINTS = new InjectorEndpointsReady().id();
    static final String PODS = new InjectorPodsReady().id();
    static final List<String> CHECKS = List.of(WEBHOOKS, SERVICE, CA_BUNDLE, ENDPOINTS, PODS);

    private final CheckRegistry registry;
    private final Runner runner;
    private final RunOptions options = new RunOptions(Set.copyOf(CHECKS), Set.of());

    public InjectorJudge(CheckRegistry registry) {
        this.registry = registry;
        this.runner = new Runner(registry);
    }

    /** What to load: the kinds the checks read, and the deployments the injector is found among. */
    public Set<ResourceKind> kinds() {
        Set<ResourceKind> kinds = EnumSet.copyOf(runner.kinds(options));
        kinds.add(ResourceKind.DEPLOYMENT);
        kinds.add(ResourceKind.SERVICE);
        kinds.add(ResourceKind.MUTATING_WEBHOOK_CONFIGURATION);
        return kinds;
    }

    public RestartRecord.Judgement judge(ClusterSnapshot s, InjectorTarget t) {
        CheckReport report = runner.run(s, options);
        List<RestartRecord.Check> checks = new ArrayList<>();
        for (String id : CHECKS) {
            CheckResult r = report.results().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
            if (r == null) {
                continue;
            }
            String title = registry.entry(id).title();
            if (r.status() == CheckResult.Status.SKIPPED) {
                checks.add(new RestartRecord.Check(id, title, RestartRecord.Status.UNKNOWN, List.of(), r.skipReason()));
                continue;
            }
            List<Finding> mine = r.findings().stream().filter(f -> concerns(f, t)).toList();
            RestartRecord.Status status = mine.stream().anyMatch(f -> f.severity() == Severity.ERROR) ? RestartRecord.Status.PROBLEM
                    : mine.stream().anyMatch(f -> f.severity() == Severity.WARNING) ? RestartRecord.Status.WARNING
                    : RestartRecord.Status.OK;
            checks.add(new RestartRecord.Check(id, title, status,
                    mine.stream().map(f -> f.subject() + ": " + f.message()).toList(), null));
        }
        boolean healthy = checks.stream().noneMatch(c -> c.status() == RestartRecord.Status.PROBLEM);
        return new RestartRecord.Judgement(healthy, checks);
    }

    /** A finding about a service or a webhook configuration counts when it is one of the target's. */
    static boolean concerns(Finding f, InjectorTarget t) {
        Subjects.Parsed p = Subjects.parse(f.subject());
        if ("Service".equals(p.kind())) {
            return t.hooks().stream().anyMatch(h -> h.serviceNamespace().equals(p.namespace())
                    && h.serviceName().equals(p.name()));
        }
        if ("MutatingWebhookConfiguration".equals(p.kind()) && p.name() != null) {
            return t.hooks().stream().map(HookRef::configName).anyMatch(p.name()::equals);
        }
        return true;
    }

    /** The configurations named by the findings of one check, for the advice on what to do next. */
    static Set<String> configurations(RestartRecord.Check c) {
        Set<String> out = new LinkedHashSet<>();
        for (String f : c.findings()) {
            Subjects.Parsed p = Subjects.parse(f.substring(0, Math.max(0, f.indexOf(": "))));
            if ("MutatingWebhookConfiguration".equals(p.kind()) && p.name() != null) {
                out.add(p.name());
            }
        }
        return out;
    }
}
