package io.tickcast.tick;

/** Lenient conversion of JSON and CSV number values; package-private helper of the parsers. */
final class NumberText {

    private NumberText() {
    }

    /**
     * The double value of a text that is a decimal number such as {@code -12}, {@code 101234.5},
     * {@code 1.5e3}, or one of {@code NaN}, {@code Infinity}, {@code +Infinity}, {@code -Infinity}
     * (surrounding blanks ignored). Hexadecimal and Java type suffixes ({@code 1d}, {@code 2f}) are not
     * numbers here.
     *
     * @return the value, or null if the text is not such a number
     */
    static Double parse(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        String unsigned = s.charAt(0) == '+' || s.charAt(0) == '-' ? s.substring(1) : s;
        if (unsigned.equals("NaN") || unsigned.equals("Infinity")) {
            return Double.parseDouble(s);
        }
        for (int i = 0; i < unsigned.length(); i++) {
            char c = unsigned.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
                return null;
            }
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The double value of a parsed JSON field value: a number itself, a string {@link #parse parsed};
     * null for anything else.
     */
    static Double toDouble(Object value) {
        if (value instanceof Double d) {
            return d;
        }
        if (value instanceof Long l) {
            return l.doubleValue();
        }
        if (value instanceof String s) {
            return parse(s);
        }
        return null;
    }
}
