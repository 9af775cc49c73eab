package kb.insights;

import java.util.List;
import java.util.Locale;

/**
 * Bar charts as inline SVG, drawn on the server so they need no JavaScript. Each chart is an image with
 * an accessible name ({@code role="img"}, {@code <title>}); each bar is a {@code rect class="bar"} with
 * {@code data-label}, {@code data-series} and {@code data-value} and a {@code <title>} tooltip, and the
 * page puts the same numbers in a table below.
 */
final class Svg {

    /** One series of bars: a name, a CSS colour, and a value per label. */
    record Series(String name, String color, List<Double> values) {
    }

    static final int WIDTH = 720;
    static final int HEIGHT = 240;
    private static final int LEFT = 48;
    private static final int BOTTOM = 40;
    private static final int TOP = 12;

    private Svg() {
    }

    /** Vertical bars, one column per label; the series are stacked ({@code stacked}) or side by side. */
    static String columns(String id, String title, List<String> labels, List<Series> series, boolean stacked,
                          String unit) {
        double max = 0;
        for (int i = 0; i < labels.size(); i++) {
            double sum = 0;
            for (Series s : series) {
                double v = value(s, i);
                sum = stacked ? sum + v : Math.max(sum, v);
            }
            max = Math.max(max, sum);
        }
        double scale = max == 0 ? 0 : (HEIGHT - TOP - BOTTOM) / max;
        double slot = labels.isEmpty() ? 0 : (double) (WIDTH - LEFT) / labels.size();
        StringBuilder out = open(id, title);
        axis(out, max, unit);
        int every = Math.max(1, labels.size() / 12);
        for (int i = 0; i < labels.size(); i++) {
            double x = LEFT + i * slot;
            double base = HEIGHT - BOTTOM;
            double barWidth = stacked ? slot * 0.7 : slot * 0.8 / Math.max(1, series.size());
            for (int k = 0; k < series.size(); k++) {
                Series s = series.get(k);
                double v = value(s, i);
                double h = v * scale;
                double bx = stacked ? x + slot * 0.15 : x + slot * 0.1 + k * barWidth;
                double by = stacked ? base - h : HEIGHT - BOTTOM - h;
                bar(out, bx, by, barWidth, h, s.color(), labels.get(i), s.name(), v, unit);
                if (stacked) {
                    base -= h;
                }
            }
            if (i % every == 0) {
                out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
                        x + slot / 2, HEIGHT - BOTTOM + 14, esc(labels.get(i))));
            }
        }
        legend(out, series);
        return out.append("</svg>").toString();
    }

    /** Horizontal bars, one row per label, longest first as given. */
    static String rows(String id, String title, List<String> labels, Series series) {
        int rowHeight = 20;
        int height = TOP + labels.size() * rowHeight + 8;
        double max = series.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        int labelWidth = 170;
        double scale = max == 0 ? 0 : (WIDTH - labelWidth - 60) / max;
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"chart\" "
                + "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" aria-labelledby=\"%s-title\"><title id=\"%s-title\">%s</title>",
                WIDTH, height, WIDTH, height, id, id, esc(title)));
        for (int i = 0; i < labels.size(); i++) {
            double v = series.values().get(i);
            double y = TOP + i * rowHeight;
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>",
                    labelWidth - 6, y + 13, esc(labels.get(i))));
            bar(out, labelWidth, y + 3, v * scale, 14, series.color(), labels.get(i), series.name(), v, "");
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">%s</text>",
                    labelWidth + v * scale + 4, y + 14, number(v)));
        }
        return out.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"chart\" "
                + "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" aria-labelledby=\"%s-title\"><title id=\"%s-title\">%s</title>",
                WIDTH, HEIGHT + 16, WIDTH, HEIGHT + 16, id, id, esc(title)));
    }

    private static void axis(StringBuilder out, double max, String unit) {
        out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#9ca3af\"/>",
                LEFT, HEIGHT - BOTTOM, WIDTH, HEIGHT - BOTTOM));
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%s</text>",
                LEFT - 4, TOP + 8, esc(number(max) + unit)));
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">0</text>",
                LEFT - 4, HEIGHT - BOTTOM));
    }

    private static void bar(StringBuilder out, double x, double y, double w, double h, String color, String label,
                            String series, double v, String unit) {
        // appended piece by piece: String.format for the hundreds of bars of a page was most of its CPU time
        String n = number(v);
        out.append("<rect class=\"bar\" x=\"");
        decimals(out, x, 2);
        out.append("\" y=\"");
        decimals(out, y, 2);
        out.append("\" width=\"");
        decimals(out, w, 2);
        out.append("\" height=\"");
        decimals(out, h, 2);
        out.append("\" fill=\"").append(color).append("\" data-label=\"").append(esc(label)).append("\" data-series=\"")
                .append(esc(series)).append("\" data-value=\"").append(n).append("\"><title>")
                .append(esc(label + (series.isEmpty() ? "" : " · " + series) + ": " + n + unit)).append("</title></rect>");
    }

    /**
     * {@code v} with {@code places} decimals exactly as {@code %.Nf} writes it (the shortest decimal that reads back
     * as {@code v}, rounded half up; a negative value rounded to zero keeps its sign), without a Formatter.
     */
    static void decimals(StringBuilder out, double v, int places) {
        String s = new java.math.BigDecimal(Double.toString(v)).setScale(places, java.math.RoundingMode.HALF_UP).toPlainString();
        if (v < 0 && s.charAt(0) != '-') {
            out.append('-');
        }
        out.append(s);
    }

    private static void legend(StringBuilder out, List<Series> series) {
        double x = LEFT;
        for (Series s : series) {
            out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%s</text>", x, HEIGHT + 2, s.color(), x + 14, HEIGHT + 11,
                    esc(s.name())));
            x += 24 + s.name().length() * 7;
        }
    }

    private static double value(Series s, int i) {
        Double v = s.values().get(i);
        return v == null ? 0 : v;
    }

    static String number(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        StringBuilder b = new StringBuilder();
        decimals(b, v, 1);
        return b.toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
