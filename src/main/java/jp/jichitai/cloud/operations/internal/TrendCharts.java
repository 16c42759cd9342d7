package jp.jichitai.cloud.operations.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import javax.imageio.ImageIO;

/**
 * 推移グラフ (trend charts) of the last twelve months, drawn with Java2D: availability and online
 * compliance as lines on a percent scale, request volume as bars. Months with nothing measured (n/a)
 * leave a gap rather than a misleading zero.
 */
final class TrendCharts {

    static final int WIDTH = 720;
    static final int HEIGHT = 260;
    private static final int LEFT = 64;
    private static final int RIGHT = 20;
    private static final int TOP = 36;
    private static final int BOTTOM = 40;
    private static final Color AXIS = new Color(0x41, 0x41, 0x41);
    private static final Color PRIMARY = new Color(0x00, 0x17, 0xc1);
    private static final Color SECOND = new Color(0xce, 0x00, 0x00);

    enum Kind {
        AVAILABILITY("稼働率・オンライン応答時間遵守率（%）"),
        REQUESTS("オンライン処理件数");

        final String title;

        Kind(String title) {
            this.title = title;
        }
    }

    private TrendCharts() {
    }

    static BufferedImage draw(Kind kind, List<SlaFigures> months) {
        return kind == Kind.AVAILABILITY ? rates(months) : requests(months);
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BufferedImage rates(List<SlaFigures> months) {
        BigDecimal lowest = months.stream()
                .flatMap(month -> java.util.stream.Stream.of(month.availability(), month.onlineCompliance()))
                .filter(java.util.Objects::nonNull).min(BigDecimal::compareTo).orElse(BigDecimal.valueOf(90));
        // A scale from a round value below the lowest rate, so that 99.5 and 100 can be told apart.
        double floor = Math.min(90, Math.floor(lowest.doubleValue() / 10) * 10);
        Canvas canvas = new Canvas(Kind.AVAILABILITY, months, floor, 100);
        canvas.line(SlaFigures::availability, PRIMARY, "稼働率");
        canvas.line(SlaFigures::onlineCompliance, SECOND, "遵守率");
        return canvas.finish();
    }

    private static BufferedImage requests(List<SlaFigures> months) {
        long highest = Math.max(10, months.stream().mapToLong(SlaFigures::requestCount).max().orElse(0));
        Canvas canvas = new Canvas(Kind.REQUESTS, months, 0, niceCeiling(highest));
        canvas.bars(month -> BigDecimal.valueOf(month.requestCount()), PRIMARY);
        return canvas.finish();
    }

    private static double niceCeiling(long value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** Axes, grid, month labels and a value scale from {@code low} to {@code high}. */
    private static final class Canvas {
        final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = image.createGraphics();
        final List<SlaFigures> months;
        final double low;
        final double high;
        final double slot;
        int legendX = LEFT + 8;

        Canvas(Kind kind, List<SlaFigures> months, double low, double high) {
            this.months = months;
            this.low = low;
            this.high = high;
            this.slot = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, months.size());
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(AXIS);
            g.setFont(ReportFont.get().awtFont(14f));
            g.drawString(kind.title, LEFT, 22);
            g.setFont(ReportFont.get().awtFont(11f));
            for (int i = 0; i <= 4; i++) {
                double value = low + (high - low) * i / 4;
                int y = y(value);
                g.setColor(new Color(0xdd, 0xdd, 0xdd));
                g.drawLine(LEFT, y, WIDTH - RIGHT, y);
                g.setColor(AXIS);
                String label = high - low >= 40 ? String.format("%,.0f", value) : String.format("%.1f", value);
                g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
            }
            g.drawLine(LEFT, TOP, LEFT, HEIGHT - BOTTOM);
            g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
            for (int i = 0; i < months.size(); i++) {
                String label = months.get(i).month().substring(2).replace('-', '/');
                g.drawString(label, (int) (x(i) - g.getFontMetrics().stringWidth(label) / 2.0), HEIGHT - BOTTOM + 16);
            }
        }

        int y(double value) {
            double clamped = Math.max(low, Math.min(high, value));
            return (int) Math.round(HEIGHT - BOTTOM - (clamped - low) / (high - low) * (HEIGHT - TOP - BOTTOM));
        }

        double x(int index) {
            return LEFT + slot * index + slot / 2;
        }

        void line(Function<SlaFigures, BigDecimal> value, Color color, String legend) {
            g.setColor(color);
            g.setStroke(new BasicStroke(2f));
            Integer previousX = null;
            Integer previousY = null;
            for (int i = 0; i < months.size(); i++) {
                BigDecimal v = value.apply(months.get(i));
                if (v == null) {
                    previousX = null;
                    continue;
                }
                int px = (int) x(i);
                int py = y(v.doubleValue());
                g.fillOval(px - 3, py - 3, 7, 7);
                if (previousX != null) {
                    g.drawLine(previousX, previousY, px, py);
                }
                previousX = px;
                previousY = py;
            }
            g.fillRect(WIDTH - RIGHT - 150 + (legendX - LEFT - 8), 12, 14, 4);
            g.drawString(legend, WIDTH - RIGHT - 132 + (legendX - LEFT - 8), 18);
            legendX += 70;
        }

        void bars(Function<SlaFigures, BigDecimal> value, Color color) {
            g.setColor(color);
            for (int i = 0; i < months.size(); i++) {
                int top = y(value.apply(months.get(i)).doubleValue());
                int width = (int) (slot * 0.6);
                g.fillRect((int) (x(i) - width / 2.0), top, width, HEIGHT - BOTTOM - top);
            }
        }

        BufferedImage finish() {
            g.dispose();
            return image;
        }
    }
}
