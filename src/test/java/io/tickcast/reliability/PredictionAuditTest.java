package io.tickcast.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickcast.chaos.AuditResult;
import io.tickcast.chaos.ChaosTicks;
import io.tickcast.chaos.Comparison;
import io.tickcast.chaos.PointKey;
import io.tickcast.chaos.PredictionAudit;
import io.tickcast.chaos.ReferenceRun;
import io.tickcast.config.TickcastConfig;
import io.tickcast.service.PipelineSettingsMapper;
import io.tickcast.tick.Tick;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit must see every kind of damage a crash could do to the predictions topic. */
class PredictionAuditTest {

    private static List<Tick> ticks;
    private static Map<PointKey, ObjectNode> reference;
    private List<ObjectNode> published;

    @BeforeAll
    static void runReference() {
        ticks = ChaosTicks.fromBundledData(2, 60);
        reference = ReferenceRun.predict(PipelineSettingsMapper.pipelines(TickcastConfig.of(Map.of())), ticks);
    }

    @BeforeEach
    void publishTheReference() {
        published = new ArrayList<>();
        for (Tick t : ticks) {
            published.add(reference.get(new PointKey(t.symbol(), t.ts())).deepCopy());
        }
    }

    @Test
    void shouldFindNothingWrongWithTheReferenceItself() {
        AuditResult audit = PredictionAudit.audit(published, reference);

        assertThat(audit.clean()).isTrue();
        assertThat(audit.bitExact()).isEqualTo(60);
    }

    @Test
    void shouldCountAMissingPredictionAsLost() {
        published.remove(10);

        AuditResult audit = PredictionAudit.audit(published, reference);

        assertThat(audit.lost()).isEqualTo(1);
        assertThat(audit.clean()).isFalse();
    }

    @Test
    void shouldCountARepeatedPredictionAsDuplicated() {
        published.add(published.get(30).deepCopy());

        AuditResult audit = PredictionAudit.audit(published, reference);

        assertThat(audit.duplicated()).isEqualTo(1);
        assertThat(audit.lost()).isZero();
    }

    @Test
    void shouldCountAPredictionOfAModelThatForgotItsStateAsMismatched() {
        published.get(40).put("model_version", 0L);

        AuditResult audit = PredictionAudit.audit(published, reference);

        assertThat(audit.mismatched()).isEqualTo(1);
        assertThat(audit.examples()).singleElement().asString().contains("mismatched");
    }

    @Test
    void shouldTellATinyNumericDifferenceFromAMismatch() {
        ObjectNode p = published.get(50);
        double price = p.get("predicted_price").doubleValue();
        p.put("predicted_price", Math.nextUp(price));
        ObjectNode expected = reference.get(new PointKey(p.get("symbol").asText(), p.get("ts").asLong()));

        assertThat(Comparison.of(expected, p)).isEqualTo(Comparison.WITHIN_TOLERANCE);
        p.put("predicted_price", price * (1 + 1e-5));
        assertThat(Comparison.of(expected, p)).isEqualTo(Comparison.MISMATCHED);
    }

    @Test
    void shouldCountAPredictionForNoInputAsUnexpected() {
        published.add(published.get(0).deepCopy().put("ts", 42L));

        assertThat(PredictionAudit.audit(published, reference).unexpected()).isEqualTo(1);
    }
}
