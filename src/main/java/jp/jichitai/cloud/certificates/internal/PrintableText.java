package jp.jichitai.cloud.certificates.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.jichitai.cloud.certificates.CharacterSubstitution;
import jp.jichitai.cloud.certificates.GaijiTable;
import jp.jichitai.cloud.certificates.SubstitutionReason;

/**
 * A field's text made printable with the embedded font, and the record of every character changed on
 * the way (the 〓 rule): a 外字 becomes the tenant's substitute, or 〓 without one; a character the font
 * has no glyph for becomes 〓; a variation selector is dropped and its base character printed. Nothing
 * disappears unreported, and nothing makes the print fail.
 */
record PrintableText(String field, String text, List<Change> changes) {

    private static final int GETA = CharacterSubstitution.GETA.codePointAt(0);

    /** One changed character before it is placed on a page. */
    record Change(int offset, String original, String printed, SubstitutionReason reason) {
        CharacterSubstitution onPage(int page, String field) {
            return new CharacterSubstitution(page, field, offset, original, printed, reason);
        }
    }

    static PrintableText of(String field, String given, GaijiTable gaijiTable, EmbeddedFont font) {
        List<Change> changes = new ArrayList<>();
        String text = resolve(given, gaijiTable, font, changes);
        return new PrintableText(field, text, List.copyOf(changes));
    }

    private static String resolve(String given, GaijiTable gaijiTable, EmbeddedFont font, List<Change> changes) {
        StringBuilder printable = new StringBuilder(given.length());
        int i = 0;
        while (i < given.length()) {
            int codePoint = given.codePointAt(i);
            int end = i + Character.charCount(codePoint);
            int selectorsEnd = end;
            while (selectorsEnd < given.length() && isVariationSelector(given.codePointAt(selectorsEnd))) {
                selectorsEnd += Character.charCount(given.codePointAt(selectorsEnd));
            }
            String original = given.substring(i, selectorsEnd);
            String base = given.substring(i, end);
            if (codePoint == '\n') {
                printable.append('\n');
            } else if (isVariationSelector(codePoint)) {
                // A selector with no base character before it: nothing to print it on.
                changes.add(new Change(i, original, "", SubstitutionReason.VARIATION_SELECTOR_DROPPED));
            } else if (gaijiTable != null && GaijiTable.isGaiji(codePoint)) {
                Optional<String> substitute = gaijiTable.substituteFor(codePoint);
                if (substitute.isPresent() && !substitute.get().isEmpty()) {
                    // The substitute may itself hold an IVS or a character the font lacks; it is not
                    // looked up in the 外字 table again.
                    String printed = resolve(substitute.get(), null, font, new ArrayList<>());
                    printable.append(printed);
                    changes.add(new Change(i, original, printed, SubstitutionReason.GAIJI_SUBSTITUTED));
                } else {
                    printable.appendCodePoint(GETA);
                    changes.add(new Change(i, original, CharacterSubstitution.GETA,
                            SubstitutionReason.GAIJI_WITHOUT_SUBSTITUTE));
                }
            } else if (!font.hasGlyph(codePoint)) {
                printable.appendCodePoint(GETA);
                changes.add(new Change(i, original, CharacterSubstitution.GETA, SubstitutionReason.NOT_IN_FONT));
            } else {
                printable.append(base);
                if (selectorsEnd > end) {
                    // PDFBox ignores the font's format 14 cmap, so the variant cannot be selected.
                    changes.add(new Change(i, original, base, SubstitutionReason.VARIATION_SELECTOR_DROPPED));
                }
            }
            i = selectorsEnd;
        }
        return printable.toString();
    }

    static boolean isVariationSelector(int codePoint) {
        return (codePoint >= 0xFE00 && codePoint <= 0xFE0F) || (codePoint >= 0xE0100 && codePoint <= 0xE01EF);
    }

    List<CharacterSubstitution> onPage(int page) {
        return changes.stream().map(change -> change.onPage(page, field)).toList();
    }
}
