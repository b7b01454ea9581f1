package io.tickcast.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.function.Predicate;

/**
 * CPU time of this JVM and of some of its threads, in nanoseconds. Unlike wall time it does not count the time a
 * thread waited for a core, so it compares configurations fairly on a busy machine.
 */
final class CpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTime() {
    }

    /** @return the CPU time of this JVM's threads so far (all of them, including the broker's) */
    static long process() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** @return the CPU time so far of the live threads whose name matches, summed */
    static long threads(Predicate<String> name) {
        long total = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && name.test(info.getThreadName())) {
                total += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /** @return the CPU time of the calling thread so far */
    static long currentThread() {
        return THREADS.getCurrentThreadCpuTime();
    }
}
