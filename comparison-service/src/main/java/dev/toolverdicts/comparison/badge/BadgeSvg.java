package dev.toolverdicts.comparison.badge;

import java.util.Locale;

/**
 * A flat three-part badge ("Panel ship | 75% | Tool Verdicts") as SVG text, readable by screen readers (role="img",
 * an aria-label and a title saying the whole sentence). Text widths are estimated from an average glyph width of the
 * badge's 11px sans-serif, as badge services do, so the SVG needs no font metrics at render time.
 */
final class BadgeSvg {

    static final String MEDIA_TYPE = "image/svg+xml";

    private static final double GLYPH = 6.6;
    private static final int PADDING = 6;
    private static final int HEIGHT = 20;
    static final String LABEL_COLOR = "#555";
    static final String BRAND_COLOR = "#1f2937";
    static final String NO_DATA_COLOR = "#9ca3af";

    private BadgeSvg() {
    }

    /** A badge's three parts; {@code value} is colored by the panel's share ({@code percent} null: no verdicts). */
    static String render(String label, String value, Integer percent) {
        String[] texts = {label, value, "Tool Verdicts"};
        String[] colors = {LABEL_COLOR, colorOf(percent), BRAND_COLOR};
        int[] widths = new int[texts.length];
        int total = 0;
        for (int i = 0; i < texts.length; i++) {
            widths[i] = (int) Math.round(texts[i].length() * GLYPH) + 2 * PADDING;
            total += widths[i];
        }
        String sentence = escape(label + " " + value + " · Tool Verdicts");
        StringBuilder svg = new StringBuilder(1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(total).append("\" height=\"")
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(sentence).append("\">")
                .append("<title>").append(sentence).append("</title>")
                .append("<clipPath id=\"r\"><rect width=\"").append(total).append("\" height=\"").append(HEIGHT)
                .append("\" rx=\"3\" fill=\"#fff\"/></clipPath><g clip-path=\"url(#r)\">");
        int x = 0;
        for (int i = 0; i < texts.length; i++) {
            svg.append("<rect x=\"").append(x).append("\" width=\"").append(widths[i]).append("\" height=\"")
                    .append(HEIGHT).append("\" fill=\"").append(colors[i]).append("\"/>");
            x += widths[i];
        }
        svg.append("</g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,DejaVu Sans,sans-serif\" ")
                .append("font-size=\"11\" aria-hidden=\"true\">");
        x = 0;
        for (int i = 0; i < texts.length; i++) {
            svg.append("<text x=\"").append(String.format(Locale.ROOT, "%.1f", x + widths[i] / 2.0))
                    .append("\" y=\"14\">").append(escape(texts[i])).append("</text>");
            x += widths[i];
        }
        return svg.append("</g></svg>").toString();
    }

    /** Green from 70%, amber from 40%, red below; grey without verdicts. */
    static String colorOf(Integer percent) {
        if (percent == null) {
            return NO_DATA_COLOR;
        }
        return percent >= 70 ? "#15803d" : percent >= 40 ? "#b45309" : "#b91c1c";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
