package io.injectordoctor.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.injectordoctor.dist.Unpacked.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image Jib wrote to target/injector-doctor-image.tar, tested the only way this machine
 * allows (no container runtime starts here): its layers unpacked into a root, its configuration read,
 * and, where the test runs as root, its entrypoint run in that root as the image's user.
 */
class ImageIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path root;
    static JsonNode config;

    @BeforeAll
    static void unpack() throws Exception {
        Path image = Unpacked.TARGET.resolve("injector-doctor-image.tar");
        assumeTrue(Files.isRegularFile(image), "no image under target/ (built by mvn package unless -DskipDist=true)");
        Path raw = Files.createDirectories(dir.resolve("raw"));
        Unpacked.untar(image, raw);
        JsonNode manifest = JSON.readTree(raw.resolve("manifest.json").toFile()).get(0);
        config = JSON.readTree(raw.resolve(manifest.get("Config").asText()).toFile()).get("config");
        root = Files.createDirectories(dir.resolve("root"));
        for (JsonNode layer : manifest.get("Layers")) {
            Unpacked.untar(raw.resolve(layer.asText()), root, "-z", "--no-same-owner");
        }
    }

    @Test
    void runsAsNonRootWithTheLinkedRuntimeAndNothingElse() throws Exception {
        assertThat(config.get("User").asText()).isEqualTo("65532:65532");
        assertThat(config.get("Entrypoint").get(0).asText()).isEqualTo("/opt/injector-doctor/runtime/bin/java");
        assertThat(root.resolve("opt/injector-doctor/runtime/bin/java")).isExecutable();
        assertThat(root.resolve("opt/injector-doctor/runtime/lib/jspawnhelper")).isExecutable();
        assertThat(root.resolve("lib64/ld-linux-x86-64.so.2")).isExecutable();
        assertThat(root.resolve("opt/injector-doctor/lib/injector-doctor.jar")).isRegularFile();
        assertThat(root.resolve("app")).as("Jib's own copy of the classes is filtered out").doesNotExist();
        assertThat(root.resolve("work")).as("no build paths").doesNotExist();
        assertThat(Files.readString(root.resolve("etc/passwd"))).contains(":65532:65532:");
    }

    @Test
    void theEntrypointAnswersTheDemoAsTheImagesUser() throws Exception {
        String unshare = Unpacked.tool("unshare");
        String chroot = Unpacked.tool("chroot");
        assumeTrue(unshare != null && chroot != null, "unshare and chroot are needed to run the image's root");
        assumeTrue(Unpacked.run(List.of(Unpacked.tool("id"), "-u"), Map.of(), dir, 10).out().strip().equals("0"),
                "running an image's root needs root (CI and the developer machines run as root)");
        List<String> entry = new ArrayList<>();
        config.get("Entrypoint").forEach(a -> entry.add(a.asText()));
        // a private mount namespace: /proc is mounted for the JVM and goes away with the process
        String script = Unpacked.tool("mkdir") + " -p \"$1/proc\" && " + Unpacked.tool("mount")
                + " -t proc proc \"$1/proc\" && exec " + chroot + " --userspec=65532:65532 \"$@\"";
        List<String> cmd = new ArrayList<>(List.of(unshare, "--mount", "--fork", "/bin/sh", "-c", script, "sh",
                root.toString()));
        cmd.addAll(entry);
        cmd.addAll(List.of("explain", "pods", "-A", "--demo", "--no-color"));
        Map<String, String> env = Map.of("PATH", "/nothing", "LANG", "C.UTF-8", "HOME", "/home/nonroot");
        Run r = Unpacked.run(cmd, env, dir, 240);
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("22 pods: 21 consistent, 1 mismatched");
    }
}
