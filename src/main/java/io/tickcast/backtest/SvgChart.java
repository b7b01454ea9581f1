package io.tickcast.backtest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Draws one time-series panel as inline SVG: lines, an optional band, vertical markers, axes with labels. */
final class SvgChart {
    private static final int WIDTH = 960;
    private static final int HEIGHT = 300;
    private static final int LEFT = 70;
    private static final int RIGHT = 10;
    private static final int TOP = 24;
    private static final int BOTTOM = 28;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** One line of the panel. */
    record Line(String label, String color, double[] values) {
    }

    /** One vertical marker. */
    record Marker(long ts, String color, String title) {
    }

    private final long[] ts;
    private final List<Line> lines = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private double[] bandLow;
    private double[] bandHigh;
    private String bandLabel;

    SvgChart(long[] ts) {
        this.ts = ts;
    }

    SvgChart line(String label, String color, double[] values) {
        lines.add(new Line(label, color, values));
        return this;
    }

    SvgChart band(String label, double[] low, double[] high) {
        this.bandLabel = label;
        this.bandLow = low;
        this.bandHigh = high;
        return this;
    }

    SvgChart marker(long at, String color, String title) {
        markers.add(new Marker(at, color, title));
        return this;
    }

    String render(String title) {
        double[] range = yRange();
        StringBuilder svg = new StringBuilder(64 * ts.length);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\"><title>").append(Html.escape(title)).append("</title>")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        axes(svg, range);
        if (bandLow != null) {
            band(svg, range);
        }
        for (Line l : lines) {
            svg.append("<path fill=\"none\" stroke=\"").append(l.color()).append("\" stroke-width=\"1.2\" d=\"")
                    .append(path(l.values(), range)).append("\"/>");
        }
        for (Marker m : markers) {
            double x = x(m.ts());
            svg.append("<line x1=\"").append(f(x)).append("\" x2=\"").append(f(x)).append("\" y1=\"").append(TOP)
                    .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"").append(m.color())
                    .append("\" stroke-opacity=\"0.6\" stroke-dasharray=\"3,3\"><title>").append(Html.escape(m.title()))
                    .append("</title></line>");
        }
        legend(svg);
        return svg.append("</svg>").toString();
    }

    private void axes(StringBuilder svg, double[] range) {
        svg.append("<g font-family=\"sans-serif\" font-size=\"11\" fill=\"#333\">");
        for (int i = 0; i <= 4; i++) {
            double v = range[0] + (range[1] - range[0]) * i / 4;
            double y = y(v, range);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(f(y)).append("\" y2=\"").append(f(y)).append("\" stroke=\"#eee\"/>")
                    .append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(f(y + 4))
                    .append("\" text-anchor=\"end\">").append(label(v)).append("</text>");
        }
        if (ts.length > 0) {
            int[] at = {0, ts.length / 2, ts.length - 1};
            String[] anchor = {"start", "middle", "end"};
            for (int i = 0; i < at.length; i++) {
                svg.append("<text x=\"").append(f(x(ts[at[i]]))).append("\" y=\"").append(HEIGHT - 8)
                        .append("\" text-anchor=\"").append(anchor[i]).append("\">")
                        .append(TIME.format(Instant.ofEpochMilli(ts[at[i]]))).append("</text>");
            }
        }
        svg.append("</g>");
    }

    private void band(StringBuilder svg, double[] range) {
        int i = 0;
        while (i < ts.length) {
            while (i < ts.length && !(Double.isFinite(bandLow[i]) && Double.isFinite(bandHigh[i]))) {
                i++;
            }
            int start = i;
            while (i < ts.length && Double.isFinite(bandLow[i]) && Double.isFinite(bandHigh[i])) {
                i++;
            }
            if (i - start < 2) {
                continue;
            }
            svg.append("<path fill=\"#9ecae1\" fill-opacity=\"0.45\" stroke=\"none\" d=\"");
            for (int j = start; j < i; j++) {
                svg.append(j == start ? 'M' : 'L').append(f(x(ts[j]))).append(',').append(f(y(bandHigh[j], range)));
            }
            for (int j = i - 1; j >= start; j--) {
                svg.append('L').append(f(x(ts[j]))).append(',').append(f(y(bandLow[j], range)));
            }
            svg.append("Z\"/>");
        }
    }

    private void legend(StringBuilder svg) {
        svg.append("<g font-family=\"sans-serif\" font-size=\"12\">");
        int x = LEFT + 6;
        if (bandLabel != null) {
            svg.append("<rect x=\"").append(x).append("\" y=\"6\" width=\"14\" height=\"10\" fill=\"#9ecae1\"/>")
                    .append("<text x=\"").append(x + 18).append("\" y=\"15\">").append(Html.escape(bandLabel))
                    .append("</text>");
            x += 26 + 7 * bandLabel.length();
        }
        for (Line l : lines) {
            svg.append("<rect x=\"").append(x).append("\" y=\"9\" width=\"14\" height=\"3\" fill=\"")
                    .append(l.color()).append("\"/><text x=\"").append(x + 18).append("\" y=\"15\">")
                    .append(Html.escape(l.label())).append("</text>");
            x += 26 + 7 * l.label().length();
        }
        svg.append("</g>");
    }

    private String path(double[] values, double[] range) {
        StringBuilder d = new StringBuilder(16 * values.length);
        boolean pen = false;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                pen = false;
                continue;
            }
            d.append(pen ? 'L' : 'M').append(f(x(ts[i]))).append(',').append(f(y(values[i], range)));
            pen = true;
        }
        return d.toString();
    }

    private double[] yRange() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        List<double[]> all = new ArrayList<>();
        lines.forEach(l -> all.add(l.values()));
        if (bandLow != null) {
            all.add(bandLow);
            all.add(bandHigh);
        }
        for (double[] values : all) {
            for (double v : values) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (!(min < max)) {
            return new double[] {Double.isFinite(min) ? min - 1 : 0, Double.isFinite(max) ? max + 1 : 1};
        }
        double pad = (max - min) * 0.03;
        return new double[] {min - pad, max + pad};
    }

    private double x(long t) {
        if (ts.length < 2 || ts[ts.length - 1] == ts[0]) {
            return LEFT;
        }
        return LEFT + (double) (t - ts[0]) / (ts[ts.length - 1] - ts[0]) * (WIDTH - LEFT - RIGHT);
    }

    private static double y(double v, double[] range) {
        return TOP + (range[1] - v) / (range[1] - range[0]) * (HEIGHT - TOP - BOTTOM);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String label(double v) {
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 1000 ? "%.0f" : a >= 10 ? "%.1f" : "%.3g", v);
    }
}
