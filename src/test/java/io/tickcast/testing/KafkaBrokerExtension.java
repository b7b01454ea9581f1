package io.tickcast.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives integration tests a real Kafka broker as a {@link KafkaBroker} parameter (of test methods,
 * lifecycle methods or constructors): Testcontainers' Kafka container when a Docker engine is reachable,
 * the in-JVM KRaft broker otherwise (see {@link DockerProbe} for the decision and how to force it).
 *
 * <p>{@code @ExtendWith(KafkaBrokerExtension.class)} shares one broker among all test classes of the JVM
 * (it starts once and is closed when the JVM's tests end). Tests that stop or restart the broker must not
 * disturb others: they register a broker of their own, closed after the class,
 * <pre>{@code @RegisterExtension static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.perClass();}</pre>
 * Tests that stop or restart it use {@link #perClassRestartable()}: the Testcontainers broker cannot come back on
 * the same port, so such tests would otherwise not run on machines with Docker.
 * Topics are shared along with the broker: use names unique to the test.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, ParameterResolver {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaBrokerExtension.class);
    private static final String SHARED_KEY = "shared-broker";

    private final boolean perClass;
    private final boolean restartable;
    private KafkaBroker classBroker;

    /** One broker for the whole JVM (what {@code @ExtendWith} uses). */
    public KafkaBrokerExtension() {
        this(false, false);
    }

    private KafkaBrokerExtension(boolean perClass, boolean restartable) {
        this.perClass = perClass;
        this.restartable = restartable;
    }

    /** @return an extension whose broker belongs to the test class that registers it */
    public static KafkaBrokerExtension perClass() {
        return new KafkaBrokerExtension(true, false);
    }

    /**
     * @return an extension whose broker belongs to the test class that registers it and supports
     *         {@link KafkaBroker#restart()}: always the in-JVM broker, whether or not a Docker engine is reachable
     *         (and whatever {@link DockerProbe}'s override says)
     */
    public static KafkaBrokerExtension perClassRestartable() {
        return new KafkaBrokerExtension(true, true);
    }

    /**
     * The broker, for tests that registered this extension in a static field.
     *
     * @return the broker
     * @throws IllegalStateException before the test class has started
     */
    public KafkaBroker broker() {
        if (classBroker == null) {
            throw new IllegalStateException("no broker yet: use the extension from a static @RegisterExtension field");
        }
        return classBroker;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (classBroker != null) {
            return;
        }
        if (perClass) {
            classBroker = context.getStore(NAMESPACE)
                    .getOrComputeIfAbsent("class-broker", key -> new Holder(startBroker(restartable)), Holder.class)
                    .broker;
        } else {
            classBroker = context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(SHARED_KEY, key -> new Holder(startBroker(false)), Holder.class).broker;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        beforeAll(extensionContext);
        return classBroker;
    }

    private static KafkaBroker startBroker(boolean restartable) {
        long begin = System.nanoTime();
        KafkaBroker broker = !restartable && DockerProbe.useDocker() ? new ContainerKafkaBroker()
                : new EmbeddedKafkaBroker();
        LOG.info("Test Kafka broker ({}) at {} started in {} ms", broker.kind(), broker.bootstrapServers(),
                (System.nanoTime() - begin) / 1_000_000);
        return broker;
    }

    /** Closes the broker when its store is closed (end of the class, or of the JVM's tests). */
    private static final class Holder implements AutoCloseable {
        private final KafkaBroker broker;

        Holder(KafkaBroker broker) {
            this.broker = broker;
        }

        @Override
        public void close() {
            if (broker instanceof EmbeddedKafkaBroker embedded) {
                embedded.close();
            } else if (broker instanceof ContainerKafkaBroker container) {
                container.close();
            }
        }
    }
}
