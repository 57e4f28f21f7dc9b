package io.injectordoctor.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.cluster.InputFiles;
import io.injectordoctor.cluster.SnapshotFile;
import io.injectordoctor.decision.InjectorConfig;
import io.injectordoctor.mesh.IstioVersion;
import io.injectordoctor.mesh.RuleSet;
import io.injectordoctor.mutation.InjectionGate;
import io.injectordoctor.mutation.InjectionSettings;
import io.injectordoctor.mutation.Injector;
import io.injectordoctor.mutation.Manifests;
import io.injectordoctor.mutation.PodTemplates;
import io.injectordoctor.mutation.ReferenceGate;
import io.injectordoctor.mutation.UnifiedDiff;
import io.injectordoctor.serve.AdmissionHandler;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code inject} and {@code serve}: the embedded reference injector with the settings of the chosen
 * cluster's injector configmap (or the defaults), the flags on top. {@code inject} decides as
 * kube-inject does (policy enabled, the configmap's selectors ignored); {@code serve} as the webhook.
 */
public final class InjectService {
    public static final String DEFAULT_HUB = InjectionSettings.DEFAULT_HUB;
    public static final String DEFAULT_TAG = InjectionSettings.DEFAULT_TAG;

    private final InjectionSettings settings;
    private final InjectorConfig config;
    private final RuleSet rules;

    /** The flags that override the configmap's values; null where not given. */
    /** @param istioVersion the Istio version whose rules to apply (--istio-version, as explain has it), or null */
    public record Flags(String revision, String hub, String tag, Boolean cni, Boolean nativeSidecar, String istioVersion) {
        public Flags(String revision, String hub, String tag, Boolean cni, Boolean nativeSidecar) {
            this(revision, hub, tag, cni, nativeSidecar, null);
        }
    }

    /** One object of the manifest: as given, as injected (the same when not), and why not. */
    public record Injected(String description, JsonNode original, JsonNode result, String notInjected) {
    }

    /** @param access the cluster to read the injector configmap from, or null for the defaults */
    public InjectService(ClusterAccess access, String istioNamespace, Flags flags) {
        InjectionSource source = access == null ? InjectionSource.defaults(istioNamespace)
                : InjectionSource.read(access, flags.revision());
        InjectionSettings s = source.settings();
        if (flags.revision() != null) {
            s = s.withRevision(flags.revision());
        }
        if (flags.hub() != null) {
            s = s.withHub(flags.hub());
        }
        if (flags.tag() != null) {
            s = s.withTag(flags.tag());
        }
        if (flags.cni() != null) {
            s = s.withCni(flags.cni());
        }
        if (flags.nativeSidecar() != null) {
            s = s.withNativeSidecar(flags.nativeSidecar());
        }
        this.settings = s;
        this.config = source.config();
        // The Stage B rules of --istio-version, else of the injector's version read from the tag; the current
        // rules when the tag is not a version.
        IstioVersion chosen = ExplainService.parseVersion(flags.istioVersion());
        this.rules = RuleSet.forVersion(chosen != null ? chosen : IstioVersion.parse(s.tag()).orElse(null));
    }

    /**
     * Injects every object of a manifest; a {@code List} item by item.
     *
     * @param notes told about each object that is not injected, and why
     */
    public List<Injected> inject(List<ObjectNode> objects, String namespace, Consumer<String> notes) {
        Injector injector = new Injector(ReferenceGate.kubeInject(rules), settings);
        List<Injected> out = new ArrayList<>();
        for (ObjectNode o : objects) {
            JsonNode result = injectOne(injector, o, namespace, notes);
            out.add(new Injected(PodTemplates.describe(o), o, result, null));
        }
        return out;
    }

    private static JsonNode injectOne(Injector injector, ObjectNode o, String namespace, Consumer<String> notes) {
        if (o.path("kind").asText().equals("List") && o.path("items").isArray()) {
            ObjectNode list = o.deepCopy();
            ArrayNode items = list.putArray("items");
            for (JsonNode item : o.path("items")) {
                items.add(item instanceof ObjectNode on ? injectOne(injector, on, namespace, notes) : item);
            }
            return list;
        }
        Injector.Outcome outcome = injector.inject(o, namespace);
        if (!outcome.injected()) {
            notes.accept(PodTemplates.describe(o) + ": not injected: " + outcome.reason());
        }
        return outcome.object();
    }

    /** What the injection changes in one object, as a unified diff. */
    public static String diff(Injected i) {
        return UnifiedDiff.diff(Manifests.toYaml(i.original()), Manifests.toYaml(i.result()),
                i.description() + " (original)", i.description() + " (injected)");
    }

    /** The results as a YAML stream. */
    public static String yaml(List<Injected> results) {
        return Manifests.toYaml(results.stream().map(Injected::result).toList());
    }

    /** The results as JSON: the object itself, or a v1 List of them. */
    public static String json(List<Injected> results) {
        if (results.size() == 1) {
            return results.get(0).result().toPrettyString();
        }
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.put("apiVersion", "v1");
        list.put("kind", "List");
        list.putArray("items").addAll(results.stream().map(Injected::result).toList());
        return list.toPrettyString();
    }

    /** The webhook's handler: the configmap's policy and selectors; Istio's default policy without one. */
    public AdmissionHandler admissionHandler() {
        InjectionGate gate = config == null ? ReferenceGate.kubeInject(rules) : new ReferenceGate(config, rules);
        return new AdmissionHandler(new Injector(gate, settings));
    }

    /** The sidecar image the injection uses. */
    public String image() {
        return settings.image(null);
    }

    public String revision() {
        return settings.revisionOrDefault();
    }

    /** The text of a manifest file, or of {@code stdin} for '-': bounded, and never a device (see InputFiles). */
    public static String read(String file, InputStream stdin) {
        if (file.equals("-")) {
            return InputFiles.readText(stdin, SnapshotFile.MAX_BYTES, "<stdin>");
        }
        return InputFiles.readText(Path.of(file), SnapshotFile.MAX_BYTES);
    }

    /** The objects of a manifest (YAML or JSON, several documents); a syntax error names its line and column. */
    public static List<ObjectNode> parse(String source, String text) {
        try {
            return Manifests.parse(text);
        } catch (Manifests.ManifestException e) {
            throw new DoctorException(ExitCode.DATA, source + ":" + e.line() + ":" + e.column() + ": " + e.getMessage(),
                    e);
        }
    }
}
