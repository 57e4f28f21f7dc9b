package io.injectordoctor.dist;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the build made under target/, unpacked the way a user or a container runtime unpacks it, and
 * its commands run in an environment without a JDK or Maven: a PATH of a few shell tools only.
 */
final class Unpacked {
    static final Path TARGET = Path.of("target").toAbsolutePath();

    private Unpacked() {
    }

    record Run(int code, String out, String err) {
    }

    /** The tarball of this build, if it was made (the dist step is skipped with -DskipDist=true). */
    static Path tarball() throws IOException {
        try (Stream<Path> s = Files.list(TARGET)) {
            return s.filter(p -> p.getFileName().toString().matches("injector-doctor-.*-linux-x64\\.tar\\.gz"))
                    .findFirst().orElse(null);
        }
    }

    /** Unpacks with the system's tar, which keeps modes and times as users' tar does. */
    static void untar(Path archive, Path into, String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(tool("tar"), "-x", "-f", archive.toString(), "-C", into.toString()));
        cmd.addAll(List.of(options));
        Run r = run(cmd, Map.of(), into, 120);
        if (r.code() != 0) {
            throw new IOException("tar failed: " + r.err());
        }
    }

    /** A PATH holding only the shell tools the launchers use: no java, no mvn. */
    static Path barePath(Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bare-bin"));
        for (String t : List.of("bash", "readlink", "dirname")) {
            Files.createSymbolicLink(bin.resolve(t), Path.of(tool(t)));
        }
        return bin;
    }

    static String tool(String name) {
        for (String d : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            if (Files.isExecutable(Path.of(d, name))) {
                return d + "/" + name;
            }
        }
        return null;
    }

    static Run run(List<String> cmd, Map<String, String> env, Path dir, int timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        File out = Files.createTempFile("dist-out", ".txt").toFile();
        File err = Files.createTempFile("dist-err", ".txt").toFile();
        pb.redirectOutput(out).redirectError(err).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError(cmd + " did not finish in " + timeoutSeconds + " s");
        }
        try {
            return new Run(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                    Files.readString(err.toPath(), StandardCharsets.UTF_8));
        } finally {
            out.delete();
            err.delete();
        }
    }
}
