package io.injectordoctor.cli;

import io.injectordoctor.mesh.IstioLayout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.LoadRequest;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.mutation.InjectionGate;
import io.injectordoctor.mutation.InjectionSettings;
import io.injectordoctor.mutation.Injector;
import io.injectordoctor.mutation.InjectorConfigMaps;
import io.injectordoctor.mutation.ReferenceGate;
import io.injectordoctor.decision.InjectorConfig;
import io.injectordoctor.decision.InjectorConfigParser;
import io.injectordoctor.decision.InjectorInstall;
import io.injectordoctor.mesh.IstioVersion;
import io.injectordoctor.mesh.RuleSet;
import io.injectordoctor.model.ConfigMapInfo;
import io.injectordoctor.mutation.Manifests;
import io.injectordoctor.mutation.PodTemplates;
import io.injectordoctor.mutation.UnifiedDiff;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "inject", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "Print manifests as the reference injector would mutate them, like 'istioctl kube-inject'.",
            "Pods and pod-template owners (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob) get",
            "the sidecar when the reference decision says so; everything else is printed unchanged, with the",
            "reason on stderr. Image hub and tag come from the injector configmap's 'values' when a cluster",
            "is named (--snapshot, --demo, --kubeconfig or --context), otherwise from the documented defaults",
            "(see docs/inject.md). The decision is kube-inject's: policy enabled, whatever the configmap says."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  injector-doctor inject -f deploy.yaml",
            "  kubectl get pod web-0 -o yaml | injector-doctor inject -f - --diff",
            "  injector-doctor inject -f deploy.yaml --snapshot cluster-dump.yaml --revision canary",
            "  injector-doctor inject -f pod.yaml --cni --native-sidecar=false"
        })
public final class InjectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions global;

    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE",
            description = "Manifest to inject (YAML or JSON, several documents allowed); '-' reads stdin.")
    String file;

    @Option(names = "--diff", description = "Print only what the injection changes, as a unified diff.")
    boolean diff;

    @Mixin
    InjectionOptions injection;

    private final InjectionGate gateOverride;
    private final InputStream stdin;

    /** Uses the reference decision and the process's stdin. */
    public InjectCommand() {
        this(null, System.in);
    }

    /** For tests and embedding: a given gate (null for the reference decision) and stdin. */
    public InjectCommand(InjectionGate gate, InputStream stdin) {
        this.gateOverride = gate;
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        String source = file.equals("-") ? "<stdin>" : file;
        List<ObjectNode> objects = parse(source, read());
        Resolved resolved = injection.resolve(global);
        Injector injector = new Injector(gateOverride != null ? gateOverride : resolved.kubeInjectGate(),
                resolved.settings());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<JsonNode> results = new ArrayList<>();
        for (ObjectNode o : objects) {
            JsonNode result = injectOne(injector, o, err);
            results.add(result);
            if (diff) {
                String d = UnifiedDiff.diff(Manifests.toYaml(o), Manifests.toYaml(result),
                        PodTemplates.describe(o) + " (original)", PodTemplates.describe(o) + " (injected)");
                out.print(d);
            }
        }
        if (objects.isEmpty()) {
            err.println(source + ": no objects");
        }
        if (!diff) {
            print(out, results);
        }
        out.flush();
        err.flush();
        return ExitCode.OK;
    }

    private JsonNode injectOne(Injector injector, ObjectNode o, PrintWriter err) {
        if (o.path("kind").asText().equals("List") && o.path("items").isArray()) {
            ObjectNode list = o.deepCopy();
            ArrayNode items = list.putArray("items");
            for (JsonNode item : o.path("items")) {
                items.add(item instanceof ObjectNode on ? injectOne(injector, on, err) : item);
            }
            return list;
        }
        Injector.Outcome outcome = injector.inject(o, global.namespace);
        if (!outcome.injected()) {
            err.println(PodTemplates.describe(o) + ": not injected: " + outcome.reason());
        }
        return outcome.object();
    }

    private void print(PrintWriter out, List<JsonNode> results) {
        if (global.output == GlobalOptions.OutputFormat.json) {
            if (results.size() == 1) {
                out.println(results.get(0).toPrettyString());
            } else {
                ObjectNode list = JsonNodeFactory.instance.objectNode();
                list.put("apiVersion", "v1");
                list.put("kind", "List");
                list.putArray("items").addAll(results);
                out.println(list.toPrettyString());
            }
        } else {
            out.print(Manifests.toYaml(results));
        }
    }

    private String read() {
        try {
            if (file.equals("-")) {
                return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DoctorException(ExitCode.DATA, file + ": no such file");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DoctorException(ExitCode.DATA, file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Where the sidecar's settings and the injector config come from; shared with {@code serve}. */
    public static final class InjectionOptions {
        @Option(names = "--revision", paramLabel = "REV",
                description = "Control plane revision: reads configmap istio-sidecar-injector-REV and sets istio.io/rev.")
        String revision;

        @Option(names = "--hub", paramLabel = "HUB", description = "Image registry (default: global.hub, else "
                + InjectionSettings.DEFAULT_HUB + ").")
        String hub;

        @Option(names = "--tag", paramLabel = "TAG", description = "Image tag (default: global.tag, else "
                + InjectionSettings.DEFAULT_TAG + ").")
        String tag;

        @Option(names = "--cni", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
                description = "The Istio CNI plugin redirects traffic: istio-validation instead of istio-init "
                        + "(default: pilot.cni.enabled, else false).")
        Boolean cni;

        @Option(names = "--native-sidecar", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
                description = "istio-proxy as a native sidecar (init container, restartPolicy Always) "
                        + "(default: pilot.env.ENABLE_NATIVE_SIDECARS, else true).")
        Boolean nativeSidecar;

        /**
         * The injector configmap of the chosen source (--snapshot, --demo, --kubeconfig or --context),
         * or the defaults when none is given; then the flags above on top.
         */
        Resolved resolve(GlobalOptions g) {
            InjectionSettings s = new InjectionSettings(null, null, null, "", false, true, g.istioNamespace);
            InjectorConfig config = null;
            if (g.snapshot != null || g.demo || g.kubeconfig != null || g.context != null) {
                ClusterSnapshot snap = Loading.snapshot(g, LoadRequest.of(g.istioNamespace, null, ResourceKind.CONFIGMAP));
                Loading.require(snap, ResourceKind.CONFIGMAP);
                String where = g.istioNamespace + "/" + IstioLayout.injectorConfigMap(revision);
                ConfigMapInfo cm = snap.configMap(g.istioNamespace, IstioLayout.injectorConfigMap(revision))
                        .orElseThrow(() -> new DoctorException(ExitCode.DATA, snap.source() + ": no ConfigMap " + where
                                + " (try --istio-namespace or --revision, or no cluster for the defaults)"));
                // Istio before 1.2 wrote no 'values' key: the documented defaults stand in for it.
                if (cm.data().containsKey("values")) {
                    try {
                        s = InjectionSettings.fromValues(InjectorConfigMaps.values(cm.data()), g.istioNamespace);
                    } catch (IllegalArgumentException e) {
                        throw new DoctorException(ExitCode.DATA, "ConfigMap " + where + " " + e.getMessage(), e);
                    }
                }
                config = InjectorConfigParser.parse(where, cm.data().get("config"));
                if (!config.parsed()) {
                    throw new DoctorException(ExitCode.DATA, "ConfigMap " + where + ": " + config.parseError());
                }
            }
            if (revision != null) {
                s = s.withRevision(revision);
            }
            if (hub != null) {
                s = s.withHub(hub);
            }
            if (tag != null) {
                s = s.withTag(tag);
            }
            if (cni != null) {
                s = s.withCni(cni);
            }
            if (nativeSidecar != null) {
                s = s.withNativeSidecar(nativeSidecar);
            }
            return new Resolved(s, config, RuleSet.forVersion(IstioVersion.parse(s.tag()).orElse(null)));
        }
    }

    /**
     * Settings, the injector config read from the cluster (null without one) and the Stage B rules
     * of the injector's version (read from the tag; the current rules when it is not a version).
     */
    record Resolved(InjectionSettings settings, InjectorConfig config, RuleSet rules) {
        /** kube-inject's decision: policy enabled, the configmap's selectors ignored. */
        InjectionGate kubeInjectGate() {
            return ReferenceGate.kubeInject(rules);
        }

        /** The webhook's decision: the configmap's policy and selectors; Istio's default policy without one. */
        InjectionGate webhookGate() {
            return config == null ? ReferenceGate.kubeInject(rules) : new ReferenceGate(config, rules);
        }
    }

    static List<ObjectNode> parse(String source, String text) {
        try {
            return Manifests.parse(text);
        } catch (Manifests.ManifestException e) {
            throw new DoctorException(ExitCode.DATA,
                    source + ":" + e.line() + ":" + e.column() + ": " + e.getMessage(), e);
        }
    }
}
