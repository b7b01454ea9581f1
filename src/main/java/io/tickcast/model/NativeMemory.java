package io.tickcast.model;

import org.bytedeco.javacpp.Pointer;

/** Off-heap memory as JavaCPP (ND4J's allocator) sees it: ND4J's arrays live outside the JVM heap. */
public final class NativeMemory {

    private NativeMemory() {
    }

    /** @return bytes currently allocated through JavaCPP (ND4J buffers and native objects) */
    public static long trackedBytes() {
        return Pointer.totalBytes();
    }

    /** @return the resident set size of this process, in bytes, as the operating system reports it */
    public static long residentBytes() {
        return Pointer.physicalBytes();
    }
}
