package io.tickcast.model.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.Pointer;

/** Reads the process's memory: JavaCPP-tracked native bytes, resident set size and used heap, in MiB. */
public final class MemoryProbe {

    private static final double MIB = 1024.0 * 1024.0;

    private MemoryProbe() {
    }

    /** @return native memory allocated through JavaCPP (ND4J buffers), MiB */
    public static double nativeMb() {
        return Pointer.totalBytes() / MIB;
    }

    /** @return the resident set size from /proc/self/status (JavaCPP's estimate elsewhere), MiB */
    public static double rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: fall back below
        }
        return Pointer.physicalBytes() / MIB;
    }

    /** @return used heap after a full GC request, MiB */
    public static double heapMb() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / MIB;
    }

    /** @return the 1-minute load average from /proc/loadavg, NaN if unavailable */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** @return the CPU model name from /proc/cpuinfo, or "unknown" */
    public static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "unknown";
    }
}
