package io.tickcast.chaos;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/**
 * The outcome of a chaos run.
 *
 * @param instances         tickcast processes
 * @param symbols           symbols
 * @param partitions        partitions of the topics
 * @param seed              the seed
 * @param kills             the SIGKILLs delivered, in order
 * @param unexpectedExits   instance exits nobody asked for (each restarted)
 * @param publishFailures   ticks the feed could not publish
 * @param drained           whether the application committed every input before the audit
 * @param audit             the audit of the predictions
 * @param wallSeconds       wall time of the whole run, s
 * @param processingGuarantee the processing guarantee the instances ran with
 * @param lateTicks         ticks the uninterrupted run left out of their bars as late (0 without bars): the audit
 *                          checks that the service left out the same ones
 */
public record ChaosReport(@JsonProperty("instances") int instances,
                          @JsonProperty("symbols") int symbols,
                          @JsonProperty("partitions") int partitions,
                          @JsonProperty("seed") long seed,
                          @JsonProperty("kill_events") List<KillEvent> kills,
                          @JsonProperty("unexpected_exits") int unexpectedExits,
                          @JsonProperty("publish_failures") long publishFailures,
                          @JsonProperty("drained") boolean drained,
                          @JsonProperty("audit") AuditResult audit,
                          @JsonProperty("wall_seconds") double wallSeconds,
                          @JsonProperty("processing_guarantee") String processingGuarantee,
                          @JsonProperty("late_ticks") long lateTicks) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    public ChaosReport {
        kills = List.copyOf(kills);
    }

    /** @return true when nothing was lost, duplicated or mismatched, and the run ended cleanly */
    @JsonProperty("passed")
    public boolean passed() {
        return audit.clean() && drained && publishFailures == 0 && unexpectedExits == 0;
    }

    /** @return the number of SIGKILLs delivered */
    @JsonProperty("kills")
    public int killCount() {
        return kills.size();
    }

    /** @return kills that hit an instance while it was processing (RUNNING) */
    @JsonProperty("kills_while_running")
    public long killsWhileRunning() {
        return kills.stream().filter(KillEvent::wasReady).count();
    }

    /** @return kills after which the instance came back with an empty state directory */
    @JsonProperty("restarts_with_wiped_state")
    public long wipedRestarts() {
        return kills.stream().filter(KillEvent::wipedState).count();
    }

    /** @return the report as one JSON object */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the report as text lines for a terminal */
    public String toText() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "tickcast chaos: %d instance(s), %d symbols, %d partitions, %s, seed %d%n",
                instances, symbols, partitions, processingGuarantee, seed));
        s.append(String.format(Locale.ROOT, "  kills (SIGKILL)        %6d  (%d while processing, %d while starting or"
                + " restoring; %d restarts with a wiped state dir)%n", kills.size(), killsWhileRunning(),
                kills.size() - killsWhileRunning(), wipedRestarts()));
        s.append(String.format(Locale.ROOT, "  points audited         %6d%n", audit.inputs()));
        if (lateTicks > 0) {
            s.append(String.format(Locale.ROOT, "  late ticks             %6d  (left out of closed bars, as in the"
                    + " uninterrupted run)%n", lateTicks));
        }
        s.append(String.format(Locale.ROOT, "  predictions read       %6d  (read_committed)%n", audit.predictionsRead()));
        s.append(String.format(Locale.ROOT, "  lost                   %6d%n", audit.lost()));
        s.append(String.format(Locale.ROOT, "  duplicated             %6d%n", audit.duplicated()));
        s.append(String.format(Locale.ROOT, "  unexpected             %6d%n", audit.unexpected()));
        s.append(String.format(Locale.ROOT, "  mismatched             %6d  (bit-exact %d, within rel. 1e-6 only %d)%n",
                audit.mismatched(), audit.bitExact(), audit.withinTolerance()));
        s.append(String.format(Locale.ROOT, "  unexpected exits       %6d%n", unexpectedExits));
        s.append(String.format(Locale.ROOT, "  publish failures       %6d%n", publishFailures));
        s.append(String.format(Locale.ROOT, "  all input committed    %6s%n", drained ? "yes" : "NO"));
        s.append(String.format(Locale.ROOT, "  wall time              %6.0f s%n", wallSeconds));
        for (String example : audit.examples()) {
            s.append("  ! ").append(example).append(System.lineSeparator());
        }
        s.append(passed() ? "PASSED: 0 lost, 0 duplicated, 0 mismatched" : "FAILED").append(System.lineSeparator());
        return s.toString();
    }
}
