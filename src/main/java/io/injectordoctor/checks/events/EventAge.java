package io.injectordoctor.checks.events;

import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.checks.InjectorService;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.model.EventInfo;
import io.injectordoctor.model.PodInfo;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a failure event is past: the object it is about has created a pod since, or the injector
 * was restarted since (its pods are all younger than the event). Events outlive their cause by up
 * to an hour; without this, {@code check} stays red after the fix has worked.
 */
final class EventAge {
    private EventAge() {
    }

    /** Why the event is past, or empty when it may still be happening (or nothing tells). */
    static Optional<String> pastBecause(CheckContext context, EventInfo e) {
        Instant last = e.lastSeen();
        ClusterSnapshot s = context.snapshot();
        if (last == null || !s.isLoaded(ResourceKind.POD)) {
            return Optional.empty();
        }
        Optional<PodInfo> created = s.pods().stream()
                .filter(p -> Objects.equals(p.meta().namespace(), e.involvedNamespace()))
                .filter(p -> p.meta().owners().stream().anyMatch(o -> o.kind().equals(e.involvedKind())
                        && o.name().equals(e.involvedName())))
                .filter(p -> p.meta().creationTimestamp() != null && p.meta().creationTimestamp().isAfter(last))
                .max(Comparator.comparing(p -> p.meta().creationTimestamp()));
        if (created.isPresent()) {
            return Optional.of(e.involvedKind() + " " + e.involvedName() + " created pod " + created.get().meta().name()
                    + " at " + created.get().meta().creationTimestamp() + ", after the last failure");
        }
        Optional<Instant> restarted = injectorStarted(context);
        if (restarted.isPresent() && restarted.get().isAfter(last)) {
            return Optional.of("every injector pod started after the last failure (the oldest at " + restarted.get() + ")");
        }
        return Optional.empty();
    }

    /** When the oldest of the injector's ready pods was created: the injector's last restart. */
    private static Optional<Instant> injectorStarted(CheckContext context) {
        Instant oldest = null;
        boolean any = false;
        for (InjectorService.Called called : InjectorService.calledByActiveHooks(context)) {
            InjectorService service = called.service();
            if (!service.exists() || service.service().selector().isEmpty()) {
                continue;
            }
            for (PodInfo p : context.snapshot().pods()) {
                if (Objects.equals(p.meta().namespace(), service.reference().namespace()) && p.ready()
                        && p.meta().labels().entrySet().containsAll(service.service().selector().entrySet())) {
                    if (p.meta().creationTimestamp() == null) {
                        // A pod of unknown age may be older than the event: nothing can be said.
                        return Optional.empty();
                    }
                    any = true;
                    oldest = oldest == null || p.meta().creationTimestamp().isBefore(oldest) ? p.meta().creationTimestamp()
                            : oldest;
                }
            }
        }
        return any ? Optional.of(oldest) : Optional.empty();
    }
}
