package io.tickcast.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every PromQL query the monitoring configuration runs: the Grafana dashboards' panel targets and template variable
 * queries, and the Prometheus rule files' alert and recording expressions.
 */
final class MonitoringQueries {

    /** Grafana's {@code label_values(selector, label)}: only the selector names a metric. */
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.*),\\s*[A-Za-z_][A-Za-z0-9_]*\\s*\\)\\s*$",
            Pattern.DOTALL);
    private static final Pattern LABEL_VALUES_NO_SELECTOR = Pattern.compile("^\\s*label_values\\(\\s*[A-Za-z_][A-Za-z0-9_]*\\s*\\)\\s*$");
    private static final Pattern QUERY_RESULT = Pattern.compile("^\\s*query_result\\((.*)\\)\\s*$", Pattern.DOTALL);

    /** One query and where it comes from (file and panel or rule), for failure messages. */
    record Query(String source, String expr) {
    }

    private MonitoringQueries() {
    }

    /** @return the panel and template queries of every dashboard JSON file in {@code dashboardsDir} */
    static List<Query> dashboardQueries(Path dashboardsDir) {
        List<Query> queries = new ArrayList<>();
        for (Path file : files(dashboardsDir, ".json")) {
            JsonNode dashboard = ProjectFiles.readJson(file);
            collectPanelQueries(file.getFileName().toString(), dashboard.path("panels"), queries);
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                if ("query".equals(variable.path("type").asText())) {
                    JsonNode query = variable.path("query");
                    String text = query.isObject() ? query.path("query").asText() : query.asText();
                    queries.add(new Query(file.getFileName() + " variable " + variable.path("name").asText(),
                            templateQueryExpression(text)));
                }
            }
        }
        return queries;
    }

    /** @return every alert and recording expression of the rule files ({@code *.yml}, {@code *.yaml}) in {@code rulesDir} */
    static List<Query> ruleQueries(Path rulesDir) {
        List<Query> queries = new ArrayList<>();
        for (Path file : rulesFiles(rulesDir)) {
            for (JsonNode group : ProjectFiles.readYaml(file).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    String name = rule.has("alert") ? rule.path("alert").asText() : rule.path("record").asText();
                    queries.add(new Query(file.getFileName() + " rule " + name, rule.path("expr").asText()));
                }
            }
        }
        return queries;
    }

    /** @return the series names the rule files record ({@code record:}); Prometheus, not tickcast, produces them */
    static SortedSet<String> recordedNames(Path rulesDir) {
        SortedSet<String> names = new TreeSet<>();
        for (Path file : rulesFiles(rulesDir)) {
            for (JsonNode group : ProjectFiles.readYaml(file).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    if (rule.hasNonNull("record")) {
                        names.add(rule.path("record").asText());
                    }
                }
            }
        }
        return names;
    }

    /**
     * @return the metric names that the dashboards and rules under {@code projectRoot} select, less the names that
     *         recording rules define
     */
    static SortedSet<String> referencedMetricNames(Path projectRoot) {
        Path rules = projectRoot.resolve(ProjectFiles.RULES_DIR);
        SortedSet<String> names = new TreeSet<>();
        Stream.concat(dashboardQueries(projectRoot.resolve(ProjectFiles.DASHBOARDS_DIR)).stream(),
                ruleQueries(rules).stream()).forEach(q -> names.addAll(PromQlMetricNames.extract(q.expr())));
        names.removeAll(recordedNames(rules));
        return names;
    }

    /** Turns a Grafana template query into the PromQL it runs, so metric names can be extracted from it. */
    static String templateQueryExpression(String query) {
        Matcher labelValues = LABEL_VALUES.matcher(query);
        if (labelValues.matches()) {
            return labelValues.group(1);
        }
        if (LABEL_VALUES_NO_SELECTOR.matcher(query).matches()) {
            return "";
        }
        Matcher queryResult = QUERY_RESULT.matcher(query);
        return queryResult.matches() ? queryResult.group(1) : query;
    }

    private static void collectPanelQueries(String file, JsonNode panels, List<Query> queries) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    queries.add(new Query(file + " panel '" + panel.path("title").asText() + "' "
                            + target.path("refId").asText(), target.path("expr").asText()));
                }
            }
            collectPanelQueries(file, panel.path("panels"), queries); // panels nested in collapsed rows
        }
    }

    static List<Path> rulesFiles(Path rulesDir) {
        List<Path> files = new ArrayList<>(files(rulesDir, ".yml"));
        files.addAll(files(rulesDir, ".yaml"));
        return files;
    }

    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
