package io.tickcast.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickcast.pipeline.Point;
import io.tickcast.tick.RejectReason;
import io.tickcast.tick.Tick;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineIngestTest {

    private static final long MINUTE = 60_000L;

    @Test
    void shouldRejectADuplicateBeforeItReachesABar() {
        OfflineIngest ingest = new OfflineIngest(Duration.ofMinutes(1), Duration.ZERO, Duration.ofSeconds(5), s -> 0);
        List<Point> points = new ArrayList<>();

        assertThat(ingest.add(new Tick("A", 10_000, 1.0, 1), points::add)).isNull();
        assertThat(ingest.add(new Tick("A", 10_000, 1.0, 1), points::add)).isEqualTo(RejectReason.DUPLICATE);
        assertThat(ingest.add(new Tick("A", MINUTE + 1, 2.0, 1), points::add)).isNull();

        assertThat(points).singleElement().satisfies(bar -> {
            assertThat(bar.ts()).isEqualTo(MINUTE);
            assertThat(bar.size()).as("the duplicate's size is not in the bar").isEqualTo(1.0);
        });
    }

    @Test
    void shouldKeepOneStreamTimePerPartition() {
        OfflineIngest ingest = new OfflineIngest(Duration.ofMinutes(1), Duration.ZERO, Duration.ofHours(1),
                s -> s.equals("A") ? 0 : 1);
        List<Point> points = new ArrayList<>();

        ingest.add(new Tick("A", 10 * MINUTE, 1.0, 1), points::add);
        ingest.add(new Tick("B", MINUTE / 2, 2.0, 1), points::add);

        assertThat(ingest.lateTicks("B")).as("A's later time is another partition's stream time").isZero();
        ingest.add(new Tick("A", 2 * MINUTE, 3.0, 1), points::add);
        assertThat(ingest.lateTicks("A")).as("A's own partition has moved past minute 2").isEqualTo(1);
    }

    @Test
    void shouldGiveAPointPerAcceptedTickWithoutBars() {
        OfflineIngest ingest = new OfflineIngest(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5), s -> 0);
        List<Point> points = new ArrayList<>();

        ingest.add(new Tick("A", 60_000, 1.0, 1), points::add);
        assertThat(ingest.add(new Tick("A", 50_000, 1.0, 2), points::add)).isEqualTo(RejectReason.OUT_OF_ORDER);
        ingest.add(new Tick("A", 61_000, 1.5, 1), points::add);

        assertThat(points).extracting(Point::ts).containsExactly(60_000L, 61_000L);
    }
}
