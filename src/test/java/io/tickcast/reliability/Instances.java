package io.tickcast.reliability;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tickcast.chaos.KafkaProgress;
import io.tickcast.chaos.RunConfig;
import io.tickcast.chaos.TickcastInstance;
import org.awaitility.Awaitility;

/** Waits and looks-ups on tickcast instances shared by the reliability tests. */
final class Instances {

    private static final Pattern PREDICTIONS_OF_SYMBOL = Pattern.compile("tickcast_predictions_total\\{symbol=\"([^\"]+)\"}");

    private Instances() {
    }

    /** Waits until every instance answers {@code /ready} (Kafka Streams RUNNING). */
    static void awaitReady(Duration timeout, TickcastInstance... instances) {
        Awaitility.await("instances ready").atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (TickcastInstance i : instances) {
                if (!i.isAlive()) {
                    throw new IllegalStateException(i.name() + " exited with " + i.exitCode() + "; log " + i.log());
                }
            }
            return Arrays.stream(instances).allMatch(TickcastInstance::isReady);
        });
    }

    /** Waits until the application has committed every record of the run's ticks topic. */
    static void awaitCommitted(KafkaProgress kafka, RunConfig run, Duration timeout) {
        Awaitility.await("every tick committed").atMost(timeout).pollInterval(Duration.ofMillis(500))
                .until(() -> kafka.uncommittedInput(run.applicationId(), run.ticksTopic()) == 0);
    }

    /** @return the symbols the instance has made predictions for, from its {@code /metrics} */
    static Set<String> symbolsPredictedBy(TickcastInstance instance) throws IOException, InterruptedException {
        Matcher m = PREDICTIONS_OF_SYMBOL.matcher(instance.get("/metrics"));
        Set<String> symbols = new TreeSet<>();
        while (m.find()) {
            symbols.add(m.group(1));
        }
        return symbols;
    }
}
