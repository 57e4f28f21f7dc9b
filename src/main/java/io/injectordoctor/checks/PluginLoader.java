package io.injectordoctor.checks;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Finds extra checks in the jars of a directory ({@code --plugin-path DIR}) with
 * {@link ServiceLoader}: a jar lists its classes in {@code META-INF/services/io.injectordoctor.checks.Check}
 * and ships their wording as {@code checks/<id>.yaml}.
 */
public final class PluginLoader {
    private PluginLoader() {
    }

    /** The checks found, and the class loader that also resolves their catalogue entries. */
    public record Plugins(List<Check> checks, ClassLoader loader) {
    }

    public static Plugins load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DoctorException(ExitCode.USAGE, "--plugin-path " + dir + " is not a directory");
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                jars.add(p.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new DoctorException(ExitCode.DATA, "cannot list plugin directory " + dir + ": " + e.getMessage(), e);
        }
        ClassLoader loader = new URLClassLoader("injector-doctor-plugins", jars.toArray(URL[]::new),
                PluginLoader.class.getClassLoader());
        List<Check> checks = new ArrayList<>();
        try {
            for (Check c : ServiceLoader.load(Check.class, loader)) {
                if (c.getClass().getClassLoader() == loader) {
                    checks.add(c);
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new DoctorException(ExitCode.DATA, "cannot load a plugin check from " + dir + ": " + e.getMessage(), e);
        }
        return new Plugins(checks, loader);
    }
}
