package io.tickcast.cli;

import picocli.CommandLine;

/** The version from the jar's manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = TickcastCommand.class.getPackage().getImplementationVersion();
        return new String[] {"tickcast " + (version == null ? "(development build)" : version)};
    }
}
