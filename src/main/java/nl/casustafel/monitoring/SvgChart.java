package nl.casustafel.monitoring;

import nl.casustafel.privacy.FigureTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bar and line charts drawn on the server as SVG from a protected {@link FigureTable}: no script, no library in the
 * browser, nothing the content security policy must allow. A withheld cell ("&lt; 5", "x") draws no bar and breaks
 * the line; the chart is an image with a name (role img), and its numbers are in the table beside it.
 */
final class SvgChart {

    /** Colour-blind-safe colours (Okabe–Ito), dark enough against white for graphics (WCAG 1.4.11, 3:1). */
    private static final String[] COLOURS = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8A6D00", "#56B4E9"};
    private static final int WIDTH = 720;
    private static final int HEIGHT = 300;
    private static final int LEFT = 90;
    private static final int RIGHT = 12;
    private static final int TOP = 34;
    private static final int BOTTOM = 84;

    enum Kind { BAR, LINE }

    /** One line or set of bars: a name for the legend and a value per category (null: withheld). */
    record Series(String name, List<Long> values) {
    }

    private SvgChart() {
    }

    /** The table's body rows as categories and the chosen columns as series (the total row and column left out). */
    static String of(Kind kind, FigureTable table, List<String> columns, String ariaLabel) {
        List<String> categories = new ArrayList<>();
        List<Series> series = new ArrayList<>();
        for (String column : columns) {
            series.add(new Series(table.columns().get(table.columnIndex(column)).label(), new ArrayList<>()));
        }
        for (FigureTable.Row row : table.rows()) {
            if (row.total()) {
                continue;
            }
            categories.add(row.label());
            for (int i = 0; i < columns.size(); i++) {
                series.get(i).values().add(row.cells().get(table.columnIndex(columns.get(i))).value());
            }
        }
        return draw(kind, categories, series, ariaLabel);
    }

    static String draw(Kind kind, List<String> categories, List<Series> series, String ariaLabel) {
        long max = 1;
        for (Series s : series) {
            for (Long v : s.values()) {
                if (v != null && v > max) {
                    max = v;
                }
            }
        }
        long top = niceTop(max);
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"monitoring-chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"100%\" role=\"img\" aria-label=\"").append(escape(ariaLabel)).append("\">");
        svg.append("<title>").append(escape(ariaLabel)).append("</title>");
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotH - plotH * i / 4.0;
            long label = top * i / 4;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d0d4da\" stroke-width=\"1\"/>",
                    LEFT, y, WIDTH - RIGHT, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#333\">%d</text>",
                    LEFT - 6, y + 4, label));
        }
        int n = Math.max(1, categories.size());
        double slot = plotW / (double) n;
        int step = Math.max(1, (int) Math.ceil(n / 14.0));
        for (int c = 0; c < categories.size(); c += step) {
            double x = LEFT + slot * c + slot / 2;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"end\" fill=\"#333\" "
                    + "transform=\"rotate(-30 %.1f %d)\">%s</text>", x, TOP + plotH + 14, x, TOP + plotH + 14, escape(shorten(categories.get(c)))));
        }
        for (int s = 0; s < series.size(); s++) {
            String colour = COLOURS[s % COLOURS.length];
            List<Long> values = series.get(s).values();
            if (kind == Kind.BAR) {
                double barW = slot * 0.8 / series.size();
                for (int c = 0; c < values.size(); c++) {
                    Long v = values.get(c);
                    if (v == null || v == 0) {
                        continue;
                    }
                    double h = plotH * v / (double) top;
                    double x = LEFT + slot * c + slot * 0.1 + barW * s;
                    svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                            x, TOP + plotH - h, Math.max(1, barW - 1), h, colour));
                }
            } else {
                StringBuilder path = new StringBuilder();
                boolean pen = false;
                for (int c = 0; c < values.size(); c++) {
                    Long v = values.get(c);
                    if (v == null) {
                        pen = false;
                        continue;
                    }
                    double x = LEFT + slot * c + slot / 2;
                    double y = TOP + plotH - plotH * v / (double) top;
                    path.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                    pen = true;
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", x, y, colour));
                }
                if (!path.isEmpty()) {
                    svg.append("<path d=\"").append(path.toString().trim()).append("\" fill=\"none\" stroke=\"").append(colour)
                            .append("\" stroke-width=\"2\"").append(s > 0 ? " stroke-dasharray=\"6 3\"" : "").append("/>");
                }
            }
            double lx = LEFT + s * 170.0;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"8\" width=\"12\" height=\"12\" fill=\"%s\"/>", lx, colour));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"18\" font-size=\"12\" fill=\"#222\">%s</text>", lx + 16,
                    escape(series.get(s).name())));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\" stroke-width=\"1\"/>",
                LEFT, TOP + plotH, WIDTH - RIGHT, TOP + plotH));
        return svg.append("</svg>").toString();
    }

    /** 1, 2, 5 × 10^k at or above max, and divisible by 4 for the grid labels where possible. */
    static long niceTop(long max) {
        long magnitude = 1;
        while (magnitude * 10 <= max) {
            magnitude *= 10;
        }
        for (long f : new long[]{1, 2, 4, 5, 8, 10}) {
            if (f * magnitude >= max) {
                return Math.max(4, f * magnitude);
            }
        }
        return 10 * magnitude;
    }

    private static String shorten(String label) {
        return label.length() > 18 ? label.substring(0, 17) + "…" : label;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
