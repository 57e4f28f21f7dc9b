package io.injectordoctor.cli;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"injector-doctor " + (v == null ? "dev" : v)};
    }
}
