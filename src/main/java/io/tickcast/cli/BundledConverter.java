package io.tickcast.cli;

import io.tickcast.tick.TickFiles;
import picocli.CommandLine;

/** Reads {@code --bundled NAME} as one of the data sets in the jar ({@link TickFiles.Bundled#flag()}). */
final class BundledConverter implements CommandLine.ITypeConverter<TickFiles.Bundled> {

    @Override
    public TickFiles.Bundled convert(String value) {
        try {
            return TickFiles.Bundled.byFlag(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
