package jp.jichitai.cloud.certificates;

import java.util.Objects;

/**
 * A character that was printed differently from the document's text, so that no character is ever
 * dropped silently: the clerk sees the report and can decide whether the copy may be handed out.
 *
 * @param page     the first page (1-based) on which the field is printed
 * @param field    where the text comes from, e.g. {@code sections[1].rows[0].value} or {@code title}
 * @param offset   the UTF-16 index of the character in the field's text as given
 * @param original the character(s) as given, e.g. a 外字 or a base character with its selector
 * @param printed  what was printed instead, e.g. the 外字's substitute or 〓
 * @param reason   why
 */
public record CharacterSubstitution(
        int page, String field, int offset, String original, String printed, SubstitutionReason reason) {

    /** The mark printed for a character that cannot be printed (ゲタ記号). */
    public static final String GETA = "〓";

    public CharacterSubstitution {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(printed, "printed");
        Objects.requireNonNull(reason, "reason");
    }

    /** The original as {@code U+XXXX} code points, for logs and screens where the character may not show. */
    public String originalCodePoints() {
        StringBuilder text = new StringBuilder();
        original.codePoints().forEach(codePoint -> {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(String.format("U+%04X", codePoint));
        });
        return text.toString();
    }
}
