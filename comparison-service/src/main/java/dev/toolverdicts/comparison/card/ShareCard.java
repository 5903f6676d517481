package dev.toolverdicts.comparison.card;

import dev.toolverdicts.comparison.tool.ToolVerdictView;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The Open Graph / Twitter card of a tool, a matchup or an ad-hoc comparison of 2–4 tools, drawn with Java2D (headless) as a 1200×630 PNG: the names,
 * and for each tool its panel ship share, community share and entry price, so a shared link says the verdict before
 * anyone clicks it.
 */
final class ShareCard {

    static final int WIDTH = 1200;
    static final int HEIGHT = 630;

    private static final Color INK = new Color(0x11, 0x18, 0x27);
    private static final Color MUTED = new Color(0x6b, 0x72, 0x80);
    private static final Color SHIP = new Color(0x15, 0x80, 0x3d);
    private static final Color PAPER = new Color(0xf9, 0xfa, 0xfb);
    private static final String FONT = Font.SANS_SERIF;

    private ShareCard() {
    }

    /** One tool: its name, tagline and the three figures. */
    static byte[] tool(ToolVerdictView tool) {
        return png(g -> {
            frame(g, tool.category());
            g.setColor(INK);
            g.setFont(new Font(FONT, Font.BOLD, 76));
            drawFitted(g, tool.name(), 72, 210, WIDTH - 144);
            g.setColor(MUTED);
            g.setFont(new Font(FONT, Font.PLAIN, 34));
            drawFitted(g, tool.tagline() == null ? "" : tool.tagline(), 72, 270, WIDTH - 144);
            figures(g, tool, 72, 350, WIDTH - 144);
        });
    }

    /** A matchup, or any comparison of 2–4 tools: the tools side by side, each with its figures, "vs" between. */
    static byte[] matchup(String headline, List<ToolVerdictView> tools) {
        int count = Math.max(2, Math.min(tools.size(), 4));
        return png(g -> {
            frame(g, headline);
            int gap = count == 2 ? 96 : 64;
            int column = (WIDTH - 144 - (count - 1) * gap) / count;
            for (int i = 0; i < tools.size() && i < count; i++) {
                ToolVerdictView tool = tools.get(i);
                int x = 72 + i * (column + gap);
                g.setColor(INK);
                g.setFont(new Font(FONT, Font.BOLD, count == 2 ? 56 : 44));
                drawFitted(g, tool.name(), x, 220, column);
                if (count == 2) {
                    figuresStacked(g, tool, x, 270, column);
                } else {
                    figuresListed(g, tool, x, 270, column);
                }
                if (i > 0) {
                    g.setColor(MUTED);
                    g.setFont(new Font(FONT, Font.BOLD, count == 2 ? 40 : 32));
                    centered(g, "vs", x - gap / 2, 212);
                }
            }
        });
    }

    private interface Drawing {
        void draw(Graphics2D g);
    }

    private static byte[] png(Drawing drawing) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            drawing.draw(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void frame(Graphics2D g, String kicker) {
        g.setColor(PAPER);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setPaint(new GradientPaint(0, 0, SHIP, WIDTH, 0, new Color(0x0e, 0x74, 0x90)));
        g.fillRect(0, 0, WIDTH, 16);
        g.setColor(MUTED);
        g.setFont(new Font(FONT, Font.BOLD, 28));
        drawFitted(g, kicker == null ? "" : kicker.toUpperCase(java.util.Locale.ROOT), 72, 110, WIDTH - 144);
        g.setColor(INK);
        g.setFont(new Font(FONT, Font.BOLD, 30));
        g.drawString("Tool Verdicts", 72, HEIGHT - 56);
        g.setColor(MUTED);
        g.setFont(new Font(FONT, Font.PLAIN, 26));
        String question = "Which one should you ship with?";
        g.drawString(question, WIDTH - 72 - g.getFontMetrics().stringWidth(question), HEIGHT - 56);
    }

    private static void figures(Graphics2D g, ToolVerdictView tool, int x, int y, int width) {
        int box = (width - 2 * 32) / 3;
        figure(g, "Panel ship", percent(tool.panel()), x, y, box);
        figure(g, "Community", percent(tool.community()), x + box + 32, y, box);
        figure(g, "Entry", tool.entry() == null ? "—" : tool.entry(), x + 2 * (box + 32), y, box);
    }

    private static void figuresStacked(Graphics2D g, ToolVerdictView tool, int x, int y, int width) {
        int half = (width - 24) / 2;
        figure(g, "Panel ship", percent(tool.panel()), x, y, half);
        figure(g, "Community", percent(tool.community()), x + half + 24, y, half);
        g.setColor(MUTED);
        g.setFont(new Font(FONT, Font.PLAIN, 28));
        drawFitted(g, "Entry: " + (tool.entry() == null ? "—" : tool.entry()), x, y + 200, width);
    }

    /** For three or four columns, too narrow for boxes side by side: each figure under its label. */
    private static void figuresListed(Graphics2D g, ToolVerdictView tool, int x, int y, int width) {
        String[][] figures = {{"Panel ship", percent(tool.panel())}, {"Community", percent(tool.community())}};
        for (int i = 0; i < figures.length; i++) {
            int top = y + i * 100;
            g.setColor(MUTED);
            g.setFont(new Font(FONT, Font.PLAIN, 24));
            drawFitted(g, figures[i][0], x, top + 28, width);
            g.setColor(figures[i][1].endsWith("%") ? SHIP : INK);
            g.setFont(new Font(FONT, Font.BOLD, 52));
            drawFitted(g, figures[i][1], x, top + 84, width);
        }
        g.setColor(MUTED);
        g.setFont(new Font(FONT, Font.PLAIN, 26));
        drawFitted(g, "Entry: " + (tool.entry() == null ? "—" : tool.entry()), x, y + 240, width);
    }

    private static void figure(Graphics2D g, String label, String value, int x, int y, int width) {
        g.setColor(Color.WHITE);
        g.fillRoundRect(x, y, width, 150, 24, 24);
        g.setColor(new Color(0xe5, 0xe7, 0xeb));
        g.setStroke(new BasicStroke(2));
        g.drawRoundRect(x, y, width, 150, 24, 24);
        g.setColor(MUTED);
        g.setFont(new Font(FONT, Font.PLAIN, 26));
        g.drawString(label, x + 24, y + 44);
        g.setColor(value.endsWith("%") ? SHIP : INK);
        g.setFont(new Font(FONT, Font.BOLD, 56));
        drawFitted(g, value, x + 24, y + 118, width - 48);
    }

    private static String percent(dev.toolverdicts.comparison.tool.Share share) {
        return share.hasData() ? share.percent() + "%" : "—";
    }

    /** Draws the text, shrinking the font (down to half) and then cutting it with "…" until it fits the width. */
    private static void drawFitted(Graphics2D g, String text, int x, int y, int width) {
        Font font = g.getFont();
        FontMetrics metrics = g.getFontMetrics();
        while (metrics.stringWidth(text) > width && g.getFont().getSize() > font.getSize() / 2) {
            g.setFont(g.getFont().deriveFont((float) g.getFont().getSize() - 2));
            metrics = g.getFontMetrics();
        }
        String shown = text;
        while (metrics.stringWidth(shown) > width && shown.length() > 1) {
            shown = shown.substring(0, shown.length() - 2) + "…";
        }
        g.drawString(shown, x, y);
        g.setFont(font);
    }

    private static void centered(Graphics2D g, String text, int centerX, int y) {
        g.drawString(text, centerX - g.getFontMetrics().stringWidth(text) / 2, y);
    }
}
