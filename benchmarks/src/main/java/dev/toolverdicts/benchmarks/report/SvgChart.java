package dev.toolverdicts.benchmarks.report;

import java.util.List;

/**
 * A self-contained HTML page with an inline SVG bar chart of the ratios: one bar per figure on a log scale around
 * 1×, coloured by whether the target is met, so the page needs no script and no network.
 */
public final class SvgChart {

    private static final int ROW = 34;
    private static final int LABEL = 380;
    private static final int PLOT = 520;

    private SvgChart() {
    }

    public static String html(SuiteReport report, String markdown) {
        List<Figure> figures = report.figures().stream().filter(f -> f.baselineValue() > 0).toList();
        int height = 60 + figures.size() * ROW;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(LABEL + PLOT + 120)
                .append("\" height=\"").append(height).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        double one = x(1);
        for (double tick : new double[] {0.01, 0.1, 0.5, 1, 2, 10}) {
            double tx = x(tick);
            svg.append("<line x1=\"").append(tx).append("\" y1=\"30\" x2=\"").append(tx).append("\" y2=\"")
                    .append(height - 20).append("\" stroke=\"").append(tick == 1 ? "#333" : "#ddd").append("\"/>\n");
            svg.append("<text x=\"").append(tx).append("\" y=\"22\" text-anchor=\"middle\">").append(Numbers.ratio(tick))
                    .append("</text>\n");
        }
        int y = 40;
        for (Figure f : figures) {
            double ratio = Math.max(0.005, Math.min(20, f.ratio()));
            double bx = Math.min(one, x(ratio));
            double width = Math.max(1, Math.abs(x(ratio) - one));
            String colour = f.targetMet() == null ? "#7a8fa6" : f.targetMet() ? "#3c9a5f" : "#d0603a";
            svg.append("<text x=\"").append(LABEL - 8).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\">").append(escape(f.id() + " " + f.title())).append("</text>\n");
            svg.append("<rect x=\"").append(bx).append("\" y=\"").append(y + 3).append("\" width=\"").append(width)
                    .append("\" height=\"18\" fill=\"").append(colour).append("\"><title>")
                    .append(escape(f.subject() + " " + Numbers.value(f.subjectValue()) + " vs " + f.baseline() + " "
                            + Numbers.value(f.baselineValue()) + " " + f.unit()))
                    .append("</title></rect>\n");
            svg.append("<text x=\"").append(Math.max(x(ratio), one) + 6).append("\" y=\"").append(y + 16).append("\">")
                    .append(Numbers.ratio(f.ratio())).append("</text>\n");
            y += ROW;
        }
        svg.append("</svg>");
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Tool Verdicts benchmarks %s</title>
                <style>body{font-family:sans-serif;margin:2em;max-width:1100px}pre{white-space:pre-wrap;font-size:12px}</style>
                </head><body>
                <h1>Tool Verdicts benchmarks</h1>
                <p>Ratios against baselines measured in the same run (log scale; green: target met, orange: missed,
                grey: no target). Hover a bar for both values.</p>
                %s
                <h2>Table</h2>
                <pre>%s</pre>
                </body></html>
                """.formatted(report.startedAt(), svg, escape(markdown));
    }

    private static double x(double ratio) {
        double logMin = Math.log10(0.005);
        double logMax = Math.log10(20);
        return Math.round((LABEL + (Math.log10(ratio) - logMin) / (logMax - logMin) * PLOT) * 10) / 10.0;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
