package io.tickcast.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM, with
 * a plaintext client listener on {@code localhost:PORT} that any Kafka client (kcat,
 * kafka-console-consumer, tickcast itself) can use.
 *
 * <p>The broker can be {@link #stop() stopped} and {@link #start() started} again: it comes back on the
 * same port with the same data (topics, records, committed offsets, transactions), which is what
 * broker-fault tests need. Its data lives in a directory that is deleted on {@link #close()} unless the
 * caller supplied it.
 *
 * <p>This uses {@code kafka_2.13}'s {@link KafkaRaftServer} (the class {@code kafka-server-start} runs)
 * rather than {@code KafkaClusterTestKit}: the test kit binds the client listener to a random port that
 * cannot be chosen, and offers no way to stop and restart a node.
 *
 * <p>Thread-safe: all lifecycle methods are synchronized.
 */
public final class EmbeddedBroker implements AutoCloseable {

    /** The client port used when none is given. */
    public static final int DEFAULT_PORT = 9092;

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final String HOST = "localhost";
    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final boolean deleteDataOnClose;
    private final KafkaConfig config;
    private KafkaRaftServer server;
    private boolean closed;

    private EmbeddedBroker(Builder builder) throws IOException {
        this.port = builder.port == 0 ? freePort() : builder.port;
        this.controllerPort = freePort();
        this.deleteDataOnClose = builder.dataDir == null;
        this.dataDir = builder.dataDir == null
                ? Files.createTempDirectory("tickcast-broker-") : Files.createDirectories(builder.dataDir);
        this.config = new KafkaConfig(BrokerProperties.of(HOST, port, controllerPort, NODE_ID,
                dataDir.resolve("kraft").toString(), builder.properties), false);
    }

    /**
     * Starts a broker on the given client port with a temporary data directory.
     *
     * @param port the client port, or 0 for a free one
     * @return the started, ready broker
     * @throws BrokerStartException if the port is taken or the broker does not become ready
     */
    public static EmbeddedBroker start(int port) {
        return builder().port(port).start();
    }

    /** @return a builder with the defaults: port {@value #DEFAULT_PORT}, a temporary data directory */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The address clients use.
     *
     * @return {@code localhost:PORT}
     */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** @return the client port; the same across {@link #stop()} and {@link #start()} */
    public int port() {
        return port;
    }

    /** @return the directory that holds the broker's logs and metadata */
    public Path dataDir() {
        return dataDir;
    }

    /** @return true between {@link #start()} and {@link #stop()} */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Starts the broker if it is stopped (formatting its storage the first time) and waits until it
     * answers clients. Does nothing if it runs already.
     *
     * @throws BrokerStartException if the port is taken or the broker is not ready within 60 s
     * @throws IllegalStateException if the broker has been closed
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("broker closed");
        }
        if (server != null) {
            return;
        }
        long begin = System.nanoTime();
        ensurePortFree(port);
        formatOnce();
        KafkaRaftServer candidate = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            candidate.startup();
            server = candidate;
            awaitReady();
        } catch (RuntimeException e) {
            shutDownQuietly(candidate);
            server = null;
            throw new BrokerStartException("embedded Kafka broker failed to start on port " + port + ": " + e, e);
        }
        LOG.info("Embedded Kafka broker ready at {} in {} ms (data in {})", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin), dataDir);
    }

    /**
     * Shuts the broker down (controlled shutdown) and waits until it has stopped; its data is kept and
     * {@link #start()} brings it back on the same port. Does nothing if it is stopped.
     */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        shutDownQuietly(server);
        server = null;
        LOG.info("Embedded Kafka broker at {} stopped", bootstrapServers());
    }

    /** {@link #stop() Stops} and {@link #start() starts} the broker. */
    public synchronized void restart() {
        stop();
        start();
    }

    /**
     * Creates topics, ignoring those that exist already.
     *
     * @param topics the topics, with partitions and replication factor 1 (or unset)
     * @throws IllegalStateException if the broker refuses or does not answer within 60 s
     */
    public void createTopics(Collection<NewTopic> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            for (Map.Entry<String, KafkaFuture<Void>> created
                    : admin.createTopics(topics).values().entrySet()) {
                try {
                    created.getValue().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + created.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("broker did not create the topics in time", e);
        }
    }

    /**
     * Creates topics with the given number of partitions each, ignoring those that exist already.
     *
     * @param partitions partitions per topic, at least 1
     * @param names      the topic names
     */
    public void createTopics(int partitions, String... names) {
        createTopics(Arrays.stream(names).map(n -> new NewTopic(n, partitions, (short) 1)).toList());
    }

    /** Stops the broker and deletes its data directory unless the caller supplied it. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stop();
        closed = true;
        if (deleteDataOnClose) {
            try {
                Utils.delete(dataDir.toFile());
            } catch (IOException e) {
                LOG.warn("Could not delete the embedded broker's data in {}: {}", dataDir, e.toString());
            }
        }
    }

    private void formatOnce() {
        Path metadataDir = Path.of(config.metadataLogDir());
        if (Files.exists(metadataDir.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(NODE_ID)
                    .setDirectories(List.of(metadataDir.toString()))
                    .setMetadataLogDirectory(metadataDir.toString())
                    .setControllerListenerName(BrokerProperties.CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        } catch (Exception e) {
            throw new BrokerStartException("cannot format the embedded broker's storage in " + metadataDir, e);
        }
    }

    private void awaitReady() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerStartException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new BrokerStartException("broker not ready within " + READY_TIMEOUT.toSeconds() + " s", e);
        }
    }

    private static void shutDownQuietly(KafkaRaftServer raftServer) {
        try {
            raftServer.shutdown();
            raftServer.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Error while shutting down the embedded broker: {}", e.toString());
        }
    }

    private static void ensurePortFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (IOException e) {
            throw new BrokerStartException("port " + port + " on " + HOST
                    + " is in use (another broker running?); choose another port", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** Options of an {@link EmbeddedBroker}; not thread-safe. */
    public static final class Builder {
        private int port = DEFAULT_PORT;
        private Path dataDir;
        private final Map<String, String> properties = new HashMap<>();

        private Builder() {
        }

        /**
         * @param port the client port, or 0 for a free one (chosen once, kept across restarts)
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * @param dataDir where to keep the broker's data; kept on close. Default: a temporary directory
         *                deleted on close
         * @return this builder
         */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            return this;
        }

        /**
         * Overrides one broker configuration property (e.g. {@code num.partitions}).
         *
         * @return this builder
         */
        public Builder property(String key, String value) {
            properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Builds and starts the broker.
         *
         * @return the ready broker
         * @throws BrokerStartException if it cannot start
         */
        public EmbeddedBroker start() {
            EmbeddedBroker broker;
            try {
                broker = new EmbeddedBroker(this);
            } catch (IOException e) {
                throw new BrokerStartException("cannot create the embedded broker's data directory", e);
            }
            try {
                broker.start();
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
            return broker;
        }
    }
}
