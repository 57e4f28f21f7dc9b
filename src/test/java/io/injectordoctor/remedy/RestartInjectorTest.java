package io.injectordoctor.remedy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.injectordoctor.cluster.ClusterGateway;
import io.injectordoctor.testing.Gateways;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.report.RestartRecord;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestartInjectorTest {
    static final String RESTARTED_AT = "2026-11-22T03:04:05+01:00";
    static final String BODY = "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/restartedAt\":\""
            + RESTARTED_AT + "\"}}}}}";

    TestApiServer api;
    ClusterGateway client;
    KubernetesClient kube;
    IstioCluster cluster;
    MutableClock clock;
    final List<String> progress = new ArrayList<>();

    @BeforeEach
    void start() {
        api = new TestApiServer();
        client = Gateways.to(api.server.url("/"));
        kube = api.controllerClient();
        cluster = new IstioCluster(kube);
        clock = new MutableClock(IstioCluster.NOW, ZoneId.of("Europe/Berlin"));
    }

    @AfterEach
    void stop() {
        client.close();
        kube.close();
        api.close();
    }

    static RestartInjector.Options yes() {
        return new RestartInjector.Options(null, null, false, true, false, Duration.ofMinutes(5), Duration.ofSeconds(2));
    }

    RestartRecord run(RestartInjector.Options o, Pause pause, RestartInjector.Consent consent) {
        return new RestartInjector(client, IstioCluster.NS, clock, pause, progress::add, consent).run(o);
    }

    PlayedRollout rollout(PlayedRollout.Script script) {
        return new PlayedRollout(kube, cluster, clock, "istiod", script);
    }

    List<TestApiServer.Request> patches() {
        return api.ours().stream().filter(r -> r.method().equals("PATCH")).toList();
    }

    Deployment istiod() {
        return kube.apps().deployments().inNamespace(IstioCluster.NS).withName("istiod").get();
    }

    /** Endpoints down before; the rollout brings a ready pod: fixed, exit 0, exactly one patch as kubectl sends it. */
    @Test
    void fixedAfterTheRolloutSendsExactlyTheRestartPatch() {
        cluster.rootConfigMap(IstioCluster.ROOT).istiod("default", IstioCluster.ROOT, false);

        RestartRecord r = run(yes(), rollout(PlayedRollout.Script.COMPLETES), null);

        assertThat(r.result()).isEqualTo(RestartRecord.Result.FIXED);
        assertThat(r.exitCode()).isZero();
        assertThat(r.before().healthy()).isFalse();
        assertThat(r.after().healthy()).isTrue();
        assertThat(patches()).hasSize(1);
        TestApiServer.Request p = patches().get(0);
        assertThat(p.body()).isEqualTo(BODY);
        assertThat(p.contentType()).startsWith("application/merge-patch+json");
        assertThat(p.path()).startsWith("/apis/apps/v1/namespaces/istio-system/deployments/istiod?")
                .contains("fieldManager=injector-doctor").doesNotContain("dryRun");
        assertThat(r.patch().body()).isEqualTo(BODY);
        assertThat(r.rollout()).isEqualTo("deployment \"istiod\" successfully rolled out");
        assertThat(istiod().getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("kubectl.kubernetes.io/restartedAt", RESTARTED_AT);
        assertThat(progress).contains("Waiting for deployment spec update to be observed...",
                "Waiting for deployment \"istiod\" rollout to finish: 0 out of 1 new replicas have been updated...",
                "Waiting for deployment \"istiod\" rollout to finish: 1 old replicas are pending termination...");
        assertThat(progress).anyMatch(s -> s.startsWith("Waiting for ready endpoints: Service istio-system/istiod: no endpoint"));
        assertThat(r.timings().patched()).isEqualTo(IstioCluster.NOW);
        assertThat(r.timings().endpointsReady()).isEqualTo(IstioCluster.NOW.plusSeconds(8));
    }

    /** Remediation safety: the permission review and one patch are the only writes; the object differs by one annotation. */
    @Test
    void nothingButTheOneAnnotationChanges() {
        cluster.rootConfigMap(IstioCluster.ROOT).istiod("default", IstioCluster.ROOT, false);
        Deployment before = istiod();

        run(yes(), rollout(PlayedRollout.Script.COMPLETES), null);

        List<TestApiServer.Request> writes = api.ours().stream().filter(TestApiServer.Request::mutating).toList();
        assertThat(writes).extracting(TestApiServer.Request::method).containsExactly("POST", "PATCH");
        assertThat(writes.get(0).path()).startsWith("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews");
        assertThat(writes.get(0).body()).contains("\"verb\":\"patch\"", "\"resource\":\"deployments\"",
                "\"group\":\"apps\"", "\"name\":\"istiod\"", "\"namespace\":\"istio-system\"");
        Deployment after = istiod();
        assertThat(after.getSpec().getTemplate().getMetadata().getAnnotations().remove("kubectl.kubernetes.io/restartedAt"))
                .isEqualTo(RESTARTED_AT);
        assertThat(Serialization.asJson(after.getSpec())).isEqualTo(Serialization.asJson(before.getSpec()));
        assertThat(after.getMetadata().getLabels()).isEqualTo(before.getMetadata().getLabels());
        assertThat(after.getMetadata().getAnnotations()).isEqualTo(before.getMetadata().getAnnotations());
        assertThat(cluster.config("istio-sidecar-injector")).isNotNull();
    }

    @Test
    void dryRunSendsOnlyADryRunPatchAndChangesNothing() {
        cluster.rootConfigMap(IstioCluster.ROOT).istiod("default", IstioCluster.ROOT, false);
        Deployment before = istiod();
        RestartInjector.Options dry = new RestartInjector.Options(null, null, false, false, true,
                Duration.ofMinutes(5), Duration.ofSeconds(2));

        RestartRecord r = run(dry, d -> {
            throw new AssertionError("a dry run does not wait");
        }, null);

        assertThat(r.result()).isEqualTo(RestartRecord.Result.DRY_RUN);
        assertThat(r.exitCode()).isZero();
        assertThat(r.dryRun()).isTrue();
        assertThat(r.patch().body()).isEqualTo(BODY);
        assertThat(r.after()).isNull();
        List<TestApiServer.Request> writes = api.ours().stream().filter(TestApiServer.Request::mutating)
                .filter(w -> !w.path().contains("selfsubjectaccessreviews")).toList();
        assertThat(writes).hasSize(1).allMatch(TestApiServer.Request::dryRun);
        assertThat(writes.get(0).body()).isEqualTo(BODY);
        Deployment after = istiod();
        assertThat(after.getMetadata().getResourceVersion()).isEqualTo(before.getMetadata().getResourceVersion());
        assertThat(after.getSpec().getTemplate().getMetadata().getAnnotations())
                .doesNotContainKey("kubectl.kubernetes.io/restartedAt");
    }

    @Test
    void withoutATerminalAndWithoutYesItRefusesBeforeAnyPatch() {
        cluster.rootConfigMap(IstioCluster.ROOT).istiod("default", IstioCluster.ROOT, false);
        RestartInjector.Options noYes = new RestartInjector.Options(null, null, false, false, false,
                Duration.ofMinutes(5), Duration.ofSeconds(2));

        assertThatThrownBy(() -> run(noYes, rollout(PlayedRollout.Script.COMPLETES), null))
                .isInstanceOf(DoctorException.class)
                .hasMessageContaining("pass --yes")
                .satisfies(e -> assertThat(((DoctorException) e).exitCode()).isEqualTo(ExitCode.USAGE));
        assertThat(patches()).isEmpty();
    }

    @Test
    void onATerminalItShowsTheChangeAndPatchesOnlyAfterYes() {
        cluster.rootConfigMap(IstioCluster.ROOT).istiod("default", IstioCluster.ROOT, false);
        RestartInjector.Options ask = new RestartInjector.Options(null, null, false, false, false,
                Duration.ofMinutes(5), Duration.ofSeconds(2));
        List<String> shown = new ArrayList<>();

        RestartRecord declined = run(ask, rollout(PlayedRollout.Script.COMPLETES), q -> {
            shown.add(q);
            assertThat(patches()).isEmpty();
            return false;
        });
        assertThat(declined.result()).isEqualTo(RestartRecord.Result.DECLINED);
        assertThat(declined.exitCode()).isEqualTo(1);
        assertThat(patches()).isEmpty();
        assertThat(shown.get(0)).contains("istio-system/istiod", "ID0801 Service istio-system/istiod: no endpoint", BODY,
                "kubectl.kubernetes.io/restartedAt=" + RESTARTED_AT);

        RestartRecord agreed = run(ask, rollout(PlayedRollout.Script.COMPLETES), q -> true);
        assertThat(agreed.result()).isEqualTo(RestartRecord.Result.FIXED);
        assertThat(patches()).hasSize(1);
    }

    @Test
    void aPausedDeploymentIsRefused() {
        cluster.rootConfigMap(IstioCluster.ROOT).istiod("default", IstioCluster.ROOT, false);
        kube.apps().deployments().inNamespace(IstioCluster.NS).withName("istiod").edit(d -> {
            d.getSpec().setPaused(true);
            return d;
        });

        assertThatThrownBy(() -> run(yes(), rollout(PlayedRollout.Script.COMPLETES), null))
                .isInstanceOf(DoctorException.class)
                .hasMessageStartingWith("can't restart paused deployment (run rollout resume first)");
        assertThat(patches()).isEmpty();
    }

    @Test
    void aMissingPatchPermissionIsNamedAndNothingIsPatched() {
        cluster.rootConfigMap(IstioCluster.ROOT).istiod("default", IstioCluster.ROOT, false);
        api.allowPatch = false;

        assertThatThrownBy(() -> run(yes(), rollout(PlayedRollout.Script.COMPLETES), null))
                .isInstanceOf(DoctorException.class)
                .hasMessageContaining("cannot patch deployments in namespace istio-system")
                .hasMessageContaining("deployment istiod was denied")
                .satisfies(e -> assertThat(((DoctorException) e).exitCode()).isEqualTo(ExitCode.NOPERM));
        assertThat(patches()).isEmpty();
    }

    @Test
    void twoRevisionsAreListedUnlessOneIsChosen() {
        cluster.rootConfigMap(IstioCluster.ROOT).istiod("default", IstioCluster.ROOT, false)
                .istiod("1-16", IstioCluster.ROOT, false);

        assertThatThrownBy(() -> run(yes(), rollout(PlayedRollout.Script.COMPLETES), null))
                .isInstanceOf(DoctorException.class)
                .hasMessageContaining("2 injector deployments qualify")
                .hasMessageContaining("istio-system/istiod (revision default)")
                .hasMessageContaining("istio-system/istiod-1-16 (revision 1-16)")
                .satisfies(e -> assertThat(((DoctorException) e).exitCode()).isEqualTo(ExitCode.USAGE));
        assertThat(patches()).isEmpty();

        RestartRecord r = run(new RestartInjector.Options("1-16", null, false, true, false, Duration.ofMinutes(5),
                Duration.ofSeconds(2)), new PlayedRollout(kube, cluster, clock, "istiod-1-16", PlayedRollout.Script.COMPLETES),
                null);
        assertThat(r.target().id()).isEqualTo("istio-system/istiod-1-16");
        assertThat(r.result()).isEqualTo(RestartRecord.Result.FIXED);
        assertThat(patches()).singleElement().satisfies(p -> assertThat(p.path()).contains("/deployments/istiod-1-16?"));
    }

    @Test
    void aRolloutThatNeverFinishesTimesOut() {
        cluster.rootConfigMap(IstioCluster.ROOT).istiod("default", IstioCluster.ROOT, false);
        PlayedRollout stuck = rollout(PlayedRollout.Script.STUCK);
        RestartInjector.Options o = new RestartInjector.Options(null, null, false, true, false, Duration.ofSeconds(30),
                Duration.ofSeconds(2));

        RestartRecord r = run(o, stuck, null);

        assertThat(r.result()).isEqualTo(RestartRecord.Result.TIMED_OUT);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.rollout()).startsWith("timed out waiting for the condition")
                .contains("0 out of 1 new replicas have been updated");
        assertThat(stuck.pauses).hasSize(15).allMatch(d -> d.equals(Duration.ofSeconds(2)));
        assertThat(r.nextSteps()).anyMatch(s -> s.contains("rollout status deployment/istiod"));
        assertThat(r.after()).isNotNull();
    }

    @Test
    void progressDeadlineExceededIsAFailure() {
        cluster.rootConfigMap(IstioCluster.ROOT).istiod("default", IstioCluster.ROOT, false);

        RestartRecord r = run(yes(), rollout(PlayedRollout.Script.DEADLINE_EXCEEDED), null);

        assertThat(r.result()).isEqualTo(RestartRecord.Result.ROLLOUT_FAILED);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.rollout()).isEqualTo("deployment \"istiod\" exceeded its progress deadline");
        assertThat(r.nextSteps()).anyMatch(s -> s.contains("rollout undo deployment/istiod"));
    }

    @Test
    void aHealthyInjectorIsLeftAlone() {
        cluster.rootConfigMap(IstioCluster.ROOT).istiod("default", IstioCluster.ROOT, true);

        RestartRecord r = run(yes(), d -> {
            throw new AssertionError("nothing to wait for");
        }, null);

        assertThat(r.result()).isEqualTo(RestartRecord.Result.NOTHING_TO_DO);
        assertThat(r.exitCode()).isZero();
        assertThat(r.before().healthy()).isTrue();
        assertThat(r.before().checks()).extracting(RestartRecord.Check::id)
                .containsExactly("ID0201", "ID0204", "ID0701", "ID0801", "ID0802");
        assertThat(r.before().checks()).allSatisfy(c -> assertThat(c.status()).isEqualTo(RestartRecord.Status.OK));
        assertThat(r.changes()).allSatisfy(c -> assertThat(c.after()).isNull());
        assertThat(api.ours()).allMatch(req -> req.method().equals("GET"));
        assertThat(api.server.getRequestCount()).isEqualTo(api.requests().size());
        assertThat(r.patch()).isNull();
    }

    @Test
    void forceRestartsAHealthyInjector() {
        cluster.rootConfigMap(IstioCluster.ROOT).istiod("default", IstioCluster.ROOT, true);
        RestartInjector.Options force = new RestartInjector.Options(null, null, true, true, false, Duration.ofMinutes(5),
                Duration.ofSeconds(2));

        RestartRecord r = run(force, rollout(PlayedRollout.Script.COMPLETES), null);

        assertThat(r.result()).isEqualTo(RestartRecord.Result.HEALTHY);
        assertThat(patches()).hasSize(1);
    }

    /** The caBundle holds another root and the configuration has no istio.io/rev label: istiod never fixes it. */
    @Test
    void aBundleIstiodDoesNotManageIsStillBrokenAfterwards() {
        cluster.rootConfigMap(IstioCluster.ROOT)
                .webhookConfig("istio-sidecar-injector", null, "istiod", IstioCluster.OTHER_ROOT.certificatePem(),
                        "namespace.sidecar-injector.istio.io")
                .service("istiod", Map.of("app", "istiod"), "https-webhook", 443, 15017)
                .deployment("istiod", Map.of("app", "istiod"), Map.of("app", "istiod"), Map.of())
                .pod("istiod", Map.of("app", "istiod"), true)
                .endpointSlice("istiod", "https-webhook", 15017, true);

        RestartRecord r = run(yes(), rollout(PlayedRollout.Script.COMPLETES), null);

        assertThat(r.result()).isEqualTo(RestartRecord.Result.STILL_BROKEN);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.after().checks()).filteredOn(c -> c.status() == RestartRecord.Status.PROBLEM)
                .singleElement().satisfies(c -> {
                    assertThat(c.id()).isEqualTo("ID0701");
                    assertThat(c.findings()).anySatisfy(f -> assertThat(f).startsWith("MutatingWebhookConfiguration"
                            + " istio-sidecar-injector: the caBundle does not contain the mesh root from configmap"
                            + " istio-system/istio-ca-root-cert"));
                });
        assertThat(r.changes()).filteredOn(c -> c.id().equals("ID0701")).singleElement()
                .satisfies(c -> assertThat(c.remaining()).isNotEmpty());
        assertThat(r.nextSteps()).singleElement().satisfies(s -> assertThat(s)
                .contains("labelled istio.io/rev", "kubectl label mutatingwebhookconfiguration istio-sidecar-injector"
                        + " istio.io/rev=default"));
    }

    /** The configuration carries istio.io/rev, so the new istiod rewrites its caBundle: fixed. */
    @Test
    void aBundleIstiodManagesIsFixedByTheRestart() {
        cluster.rootConfigMap(IstioCluster.ROOT).istiod("default", IstioCluster.OTHER_ROOT, true);

        RestartRecord r = run(yes(), rollout(PlayedRollout.Script.COMPLETES).patchingBundleOf("istio-sidecar-injector"),
                null);

        assertThat(r.before().checks()).filteredOn(c -> c.status() == RestartRecord.Status.PROBLEM)
                .extracting(RestartRecord.Check::id).containsExactly("ID0701");
        assertThat(r.result()).isEqualTo(RestartRecord.Result.FIXED);
        assertThat(r.changes()).filteredOn(c -> c.id().equals("ID0701")).singleElement().satisfies(c -> {
            assertThat(c.before()).isEqualTo(RestartRecord.Status.PROBLEM);
            assertThat(c.after()).isEqualTo(RestartRecord.Status.OK);
            assertThat(c.resolved()).anySatisfy(f -> assertThat(f).contains("does not contain the mesh root"));
            assertThat(c.remaining()).isEmpty();
        });
    }

    @Test
    void aConflictIsRetriedAfterAFreshRead() {
        cluster.rootConfigMap(IstioCluster.ROOT).istiod("default", IstioCluster.ROOT, false);
        api.conflictsToAnswer.set(1);

        RestartRecord r = run(yes(), rollout(PlayedRollout.Script.COMPLETES), null);

        assertThat(r.result()).isEqualTo(RestartRecord.Result.FIXED);
        List<TestApiServer.Request> ours = api.ours();
        assertThat(patches()).hasSize(2).allMatch(p -> p.body().equals(BODY));
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            if (ours.get(i).method().equals("PATCH")) {
                at.add(i);
            }
        }
        List<TestApiServer.Request> between = ours.subList(at.get(0) + 1, at.get(1));
        assertThat(between).isNotEmpty().allSatisfy(g -> {
            assertThat(g.method()).isEqualTo("GET");
            assertThat(g.path()).isEqualTo("/apis/apps/v1/namespaces/istio-system/deployments/istiod");
        });
    }

    @Test
    void endlessConflictsStopAfterThreeAttempts() {
        cluster.rootConfigMap(IstioCluster.ROOT).istiod("default", IstioCluster.ROOT, false);
        api.conflictsToAnswer.set(10);

        assertThatThrownBy(() -> run(yes(), rollout(PlayedRollout.Script.COMPLETES), null))
                .isInstanceOf(DoctorException.class).hasMessageContaining("conflict");
        assertThat(patches()).hasSize(3);
        assertThat(istiod().getSpec().getTemplate().getMetadata().getAnnotations())
                .doesNotContainKey("kubectl.kubernetes.io/restartedAt");
    }

    @Test
    void aGitOpsManagedDeploymentIsRestartedWithAWarning() {
        cluster.rootConfigMap(IstioCluster.ROOT)
                .webhookConfig("istio-sidecar-injector", "default", "istiod", IstioCluster.ROOT.certificatePem(),
                        "namespace.sidecar-injector.istio.io")
                .service("istiod", Map.of("app", "istiod"), "https-webhook", 443, 15017)
                .deployment("istiod", Map.of("app", "istiod", "app.kubernetes.io/instance", "istio-control"),
                        Map.of("app", "istiod"), Map.of("argocd.argoproj.io/tracking-id", "istio:apps/Deployment:istio-system/istiod"))
                .pod("istiod", Map.of("app", "istiod"), false)
                .endpointSlice("istiod", "https-webhook", 15017, false);

        RestartRecord r = run(yes(), rollout(PlayedRollout.Script.COMPLETES), null);

        assertThat(r.warnings()).singleElement().satisfies(w -> assertThat(w).contains("Argo CD", "may be reverted"));
        assertThat(r.result()).isEqualTo(RestartRecord.Result.FIXED);
    }

    /** Once the patch is accepted the restart is reported as made, even when every read after it fails. */
    @Test
    void aRestartWhoseOutcomeCannotBeReadIsReportedAsMadeWithItsOwnExitCode() {
        cluster.rootConfigMap(IstioCluster.ROOT).istiod("default", IstioCluster.ROOT, false);

        RestartRecord r = run(yes(), d -> api.close(), null);

        assertThat(r.result()).isEqualTo(RestartRecord.Result.RESTARTED_OUTCOME_UNKNOWN);
        assertThat(r.exitCode()).isEqualTo(3).isEqualTo(ExitCode.RESTARTED_OUTCOME_UNKNOWN);
        assertThat(r.patch().body()).isEqualTo(BODY);
        assertThat(r.timings().patched()).isEqualTo(IstioCluster.NOW);
        assertThat(r.outcome()).startsWith("cannot reach the API server at ");
        assertThat(r.after()).isNull();
        assertThat(r.nextSteps()).singleElement().satisfies(s -> assertThat(s).contains("do not restart again",
                "rollout status deployment/istiod"));
    }
}
