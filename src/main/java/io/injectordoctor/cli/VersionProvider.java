package io.injectordoctor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Version, git commit and build date, as the build wrote them into build-info.properties. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        Properties p = info();
        return new String[] {"injector-doctor " + p.getProperty("version", "dev"),
            "commit: " + p.getProperty("commit", "unknown"),
            "built: " + p.getProperty("date", "unknown")};
    }

    /** The build's record; empty when the classes were not built by Maven (an IDE run). */
    static Properties info() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/build-info.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // no record: the defaults say so
        }
        return p;
    }
}
