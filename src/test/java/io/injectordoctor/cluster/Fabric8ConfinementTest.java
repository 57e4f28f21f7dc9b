package io.injectordoctor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * fabric8 types do not leave the gateway: only the port-forwarder of package cluster and the demo's
 * in-process mock server use them; nothing in cli, remedy or the other packages imports them.
 */
class Fabric8ConfinementTest {
    private static final Path MAIN = Path.of("src/main/java/io/injectordoctor");

    private static List<Path> importing() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    // zjsonpatch is a JSON Patch library fabric8 publishes, not part of the client.
                    return Files.readString(p).lines().anyMatch(l -> (l.startsWith("import io.fabric8.")
                            || l.startsWith("import static io.fabric8.")) && !l.startsWith("import io.fabric8.zjsonpatch."));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(MAIN::relativize).sorted().toList();
        }
    }

    @Test
    void onlyThePortForwarderAndTheDemoImportFabric8() throws IOException {
        List<Path> users = importing();
        assertThat(users).isNotEmpty();
        assertThat(users).allSatisfy(p -> assertThat(p.startsWith("demo") || p.equals(Path.of("cluster/PortForwarder.java")))
                .as(p.toString()).isTrue());
        assertThat(users).noneMatch(p -> p.startsWith("cli"));
    }
}
