package io.tickcast.backtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Replaces a generated section of a Markdown file, between {@code <!-- NAME:start -->} and {@code <!-- NAME:end -->}. */
final class MarkdownSection {
    private MarkdownSection() {
    }

    /**
     * Writes {@code content} between the markers of {@code name} in {@code file}; appends the markers and the
     * content when the file or the markers do not exist yet.
     */
    static void write(Path file, String name, String content) throws IOException {
        String start = "<!-- " + name + ":start (generated, do not edit) -->\n";
        String end = "<!-- " + name + ":end -->";
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        String section = start + content + end;
        String updated = from >= 0 && to > from
                ? text.substring(0, from) + section + text.substring(to + end.length())
                : text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + section + "\n";
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }
}
