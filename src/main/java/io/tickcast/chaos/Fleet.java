package io.tickcast.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The tickcast instances of one run. Every wait restarts an instance that exited by itself (and counts it). Closing
 * stops them all with SIGTERM; if this JVM is terminated first, a shutdown hook SIGKILLs them so none is left behind.
 * Not thread-safe.
 */
final class Fleet implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final long PARK_NANOS = 200_000_000L;

    private final List<TickcastInstance> instances = new ArrayList<>();
    private final Consumer<String> progress;
    private final Thread killOnExit;
    private int unexpectedExits;

    private Fleet(Consumer<String> progress) {
        this.progress = progress;
        this.killOnExit = new Thread(() -> instances.forEach(TickcastInstance::destroy), "chaos-kill-on-exit");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts {@code count} instances named {@code tickcast-1..count} and waits until they are RUNNING. */
    static Fleet start(int count, Path workDir, List<String> runArgs, Consumer<String> progress) throws IOException,
            InterruptedException {
        Fleet fleet = new Fleet(progress);
        try {
            for (int i = 1; i <= count; i++) {
                TickcastInstance instance = new TickcastInstance("tickcast-" + i, workDir, runArgs);
                fleet.instances.add(instance);
                instance.start();
            }
            fleet.awaitReady(fleet.instances);
        } catch (IOException | InterruptedException | RuntimeException e) {
            fleet.close();
            throw e;
        }
        return fleet;
    }

    List<TickcastInstance> instances() {
        return instances;
    }

    int unexpectedExits() {
        return unexpectedExits;
    }

    /**
     * Waits until the given instances answer {@code /ready}.
     *
     * @throws IllegalStateException if they do not within 180 s
     */
    void awaitReady(List<TickcastInstance> awaited) throws InterruptedException {
        boolean ready = KafkaProgress.awaitTrue(() -> {
            restartExited();
            return awaited.stream().allMatch(TickcastInstance::isReady);
        }, READY_TIMEOUT);
        if (!ready) {
            throw new IllegalStateException("instances not ready within " + READY_TIMEOUT + "; see their logs "
                    + awaited.stream().map(TickcastInstance::log).toList());
        }
    }

    /** Parks until {@link System#nanoTime()} reaches {@code due}. */
    void parkUntil(long due) {
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(wait, PARK_NANOS));
            restartExited();
        }
    }

    private void restartExited() {
        for (TickcastInstance instance : instances) {
            if (!instance.isAlive()) {
                unexpectedExits++;
                progress.accept(instance.name() + " exited by itself with code " + instance.exitCode()
                        + " (see " + instance.log() + "); restarting it");
                try {
                    instance.start();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Stops every instance with SIGTERM (SIGKILL after 60 s). */
    @Override
    public void close() throws InterruptedException {
        for (TickcastInstance instance : instances) {
            instance.stop();
        }
        Runtime.getRuntime().removeShutdownHook(killOnExit);
    }
}
