package jp.jichitai.cloud.certificates.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Text fitted into a width: printed at the preferred size when it fits, otherwise shrunk, down to a
 * minimum size; only text that still does not fit at the minimum is wrapped onto more lines. Text is
 * never cut: every character of the input is on one of the lines.
 */
record FittedText(float fontSize, List<String> lines) {

    /** Line height as a multiple of the font size. */
    static final float LEADING = 1.25f;

    float height() {
        return lines.size() * fontSize * LEADING;
    }

    static FittedText fit(String text, float width, float preferredSize, float minimumSize, EmbeddedFont font) {
        String[] givenLines = text.split("\n", -1);
        float widest = 0;
        for (String line : givenLines) {
            widest = Math.max(widest, font.widthInThousandths(line));
        }
        if (widest * preferredSize / 1000f <= width) {
            return new FittedText(preferredSize, List.of(givenLines));
        }
        // Round down to a tenth of a point so that rounding never makes the text overflow.
        float shrunk = (float) Math.floor(width * 1000f / widest * 10f) / 10f;
        if (shrunk >= minimumSize) {
            return new FittedText(shrunk, List.of(givenLines));
        }
        List<String> wrapped = new ArrayList<>();
        for (String line : givenLines) {
            wrap(line, width, minimumSize, font, wrapped);
        }
        return new FittedText(minimumSize, List.copyOf(wrapped));
    }

    private static void wrap(String line, float width, float size, EmbeddedFont font, List<String> into) {
        int start = 0;
        float used = 0;
        int i = 0;
        while (i < line.length()) {
            int codePoint = line.codePointAt(i);
            float advance = font.advance(codePoint) * size / 1000f;
            if (used + advance > width && i > start) {
                into.add(line.substring(start, i));
                start = i;
                used = 0;
            }
            used += advance;
            i += Character.charCount(codePoint);
        }
        into.add(line.substring(start));
    }
}
