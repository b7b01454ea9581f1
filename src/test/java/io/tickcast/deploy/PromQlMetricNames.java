package io.tickcast.deploy;

import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Extracts the metric names a PromQL expression selects: identifiers that are neither functions, aggregation
 * operators, keywords, label names (inside {@code {...}} or the label lists of {@code by}, {@code without},
 * {@code on}, {@code ignoring}, {@code group_left}, {@code group_right}) nor parts of strings, durations, numbers
 * or Grafana variables ({@code $symbol}, {@code ${symbol}}, {@code $__rate_interval}). A selector
 * {@code {__name__="foo"}} names {@code foo}. A small scanner, not a parser: it assumes the expression is valid
 * PromQL (promtool checks that separately).
 */
final class PromQlMetricNames {

    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");
    private static final Set<String> LABEL_LIST_KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan", "atan2");

    private final String text;
    private final SortedSet<String> names = new TreeSet<>();
    private int pos;

    private PromQlMetricNames(String text) {
        this.text = text;
    }

    /**
     * @param expr a PromQL expression, possibly with Grafana template variables
     * @return the metric names it selects, sorted
     */
    static SortedSet<String> extract(String expr) {
        PromQlMetricNames scanner = new PromQlMetricNames(expr);
        scanner.scan();
        return scanner.names;
    }

    private void scan() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"' || c == '\'' || c == '`') {
                readString();
            } else if (c == '#') {
                skipComment();
            } else if (c == '{') {
                readMatchers();
            } else if (c == '[') {
                skipPast(']');
            } else if (c == '$') {
                skipVariable();
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length()
                    && Character.isDigit(text.charAt(pos + 1)))) {
                skipNumber();
            } else if (isIdentifierStart(c)) {
                readIdentifier();
            } else {
                pos++;
            }
        }
    }

    private void readIdentifier() {
        String name = identifier();
        String lower = name.toLowerCase(Locale.ROOT);
        char next = peekNonSpace();
        if (LABEL_LIST_KEYWORDS.contains(lower)) {
            if (next == '(') {
                skipSpaces();
                skipPast(')');
            }
        } else if (next == '(' || AGGREGATIONS.contains(lower) || KEYWORDS.contains(lower)) {
            return; // a function call, an aggregation operator or a keyword
        } else {
            names.add(name);
        }
    }

    /** Reads {@code {name op value, ...}}; only a {@code __name__} equality adds a metric name. */
    private void readMatchers() {
        pos++; // '{'
        while (pos < text.length() && text.charAt(pos) != '}') {
            skipSpaces();
            if (pos < text.length() && isIdentifierStart(text.charAt(pos))) {
                String label = identifier();
                skipSpaces();
                String op = operator();
                skipSpaces();
                String value = pos < text.length() && isQuote(text.charAt(pos)) ? readString() : "";
                if ("__name__".equals(label) && "=".equals(op)) {
                    names.add(value);
                }
            } else if (pos < text.length() && isQuote(text.charAt(pos))) {
                names.add(readString()); // Prometheus 3 quoted metric name: {"name"}
            } else if (pos < text.length()) {
                pos++;
            }
        }
        pos++; // '}'
    }

    private String operator() {
        int start = pos;
        while (pos < text.length() && "=!~".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String readString() {
        char quote = text.charAt(pos++);
        StringBuilder value = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos++);
            if (c == '\\' && quote != '`' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            value.append(c);
        }
        pos++; // closing quote
        return value.toString();
    }

    private void skipVariable() {
        pos++; // '$'
        if (pos < text.length() && text.charAt(pos) == '{') {
            skipPast('}');
        } else {
            while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
                pos++;
            }
        }
    }

    private void skipNumber() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            boolean exponentSign = (c == '+' || c == '-') && pos > 1
                    && Character.toLowerCase(text.charAt(pos - 1)) == 'e' && Character.isDigit(text.charAt(pos - 2));
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign) {
                pos++;
            } else {
                return;
            }
        }
    }

    private void skipComment() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
        }
    }

    /** Skips from the current opening bracket to just past its matching closing bracket, strings included. */
    private void skipPast(char close) {
        char open = text.charAt(pos);
        int depth = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (isQuote(c)) {
                readString();
                continue;
            }
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                pos++;
                return;
            }
            pos++;
        }
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private char peekNonSpace() {
        int i = pos;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < text.length() ? text.charAt(i) : '\0';
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':';
    }
}
