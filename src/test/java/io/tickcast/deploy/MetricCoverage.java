package io.tickcast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Compares the metric names the dashboards and alert rules use with the names a running tickcast really exports,
 * as scraped from its {@code /metrics} endpoint. Meant to be called from an integration test that runs tickcast:
 * {@code MetricCoverage.assertEveryReferencedMetricIsExported(root, scrape, Set.of())}.
 */
public final class MetricCoverage {

    /** Series that Prometheus itself produces for every target or rule, never tickcast. */
    static final Set<String> PRODUCED_BY_PROMETHEUS = Set.of("up", "scrape_duration_seconds",
            "scrape_samples_scraped", "scrape_samples_post_metric_relabeling", "scrape_series_added", "ALERTS",
            "ALERTS_FOR_STATE");

    private MetricCoverage() {
    }

    /**
     * @param prometheusText a scrape of {@code /metrics} in the Prometheus text format
     * @return the names of the samples in it (histogram and summary series included, e.g. {@code x_bucket},
     *         {@code x_count}); families declared without samples are not counted
     */
    public static SortedSet<String> exportedNames(String prometheusText) {
        SortedSet<String> names = new TreeSet<>();
        for (String line : prometheusText.split("\n")) {
            String sample = line.strip();
            if (sample.isEmpty() || sample.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < sample.length() && sample.charAt(end) != '{' && !Character.isWhitespace(sample.charAt(end))) {
                end++;
            }
            names.add(sample.substring(0, end));
        }
        return names;
    }

    /**
     * @param projectRoot     the project root (holds {@code config/grafana} and {@code config/prometheus})
     * @param prometheusText  a scrape of a running tickcast's {@code /metrics}
     * @param allowedAbsent   names that may legitimately have no sample yet in this scrape (e.g. a counter with a
     *                        label that is created on its first event), each a deliberate exception of the caller
     * @return the names the dashboards or rules use that the scrape lacks
     */
    public static SortedSet<String> missingFromScrape(Path projectRoot, String prometheusText, Set<String> allowedAbsent) {
        SortedSet<String> missing = new TreeSet<>(MonitoringQueries.referencedMetricNames(projectRoot));
        missing.removeAll(exportedNames(prometheusText));
        missing.removeAll(PRODUCED_BY_PROMETHEUS);
        missing.removeAll(allowedAbsent);
        return missing;
    }

    /**
     * Fails, naming them, if the dashboards or rules use metric names that the scrape lacks.
     *
     * @see #missingFromScrape(Path, String, Set)
     */
    public static void assertEveryReferencedMetricIsExported(Path projectRoot, String prometheusText,
            Set<String> allowedAbsent) {
        assertThat(missingFromScrape(projectRoot, prometheusText, allowedAbsent))
                .as("metrics used by config/grafana dashboards or config/prometheus rules but not exported by tickcast")
                .isEmpty();
    }
}
