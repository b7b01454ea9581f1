package io.tickcast.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C and SIGTERM for long-running commands: the JVM's shutdown hook signals the command's thread, then waits
 * (up to a bound) until that thread has closed its resources, so that Kafka Streams shuts down cleanly.
 */
final class ShutdownSignal implements AutoCloseable {

    private static final long CLOSE_TIMEOUT_S = 40;

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook;

    ShutdownSignal(Runnable onRequest) {
        hook = new Thread(() -> {
            onRequest.run();
            requested.countDown();
            await(closed, CLOSE_TIMEOUT_S);
        }, "tickcast-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Blocks until Ctrl-C or SIGTERM. */
    void awaitRequest() throws InterruptedException {
        requested.await();
    }

    /** @return true once Ctrl-C or SIGTERM came (after {@code onRequest} ran) */
    boolean requested() {
        return requested.getCount() == 0;
    }

    /** Tells the hook that everything is closed (the JVM may exit), and removes it when no shutdown is under way. */
    @Override
    public void close() {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // the hook is running: it returns once it sees 'closed'
        }
    }

    private static void await(CountDownLatch latch, long seconds) {
        try {
            latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
