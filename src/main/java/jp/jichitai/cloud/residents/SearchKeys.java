package jp.jichitai.cloud.residents;

import java.text.Normalizer;

import jp.jichitai.cloud.residents.internal.KanaFolding;
import jp.jichitai.cloud.residents.internal.VariantCharacters;

/**
 * 検索キー (search keys) for the person search of the 住民記録システム標準仕様書 §2.1.2. A key is computed from a
 * stored name or from what a clerk typed, and two texts match when their keys are equal. Keys are never
 * stored as names and never shown: stored names keep every character exactly as recorded.
 */
public final class SearchKeys {

    private SearchKeys() {
    }

    /**
     * The key of a フリガナ: hiragana and katakana, both widths, voiced marks, small kana, long-vowel marks,
     * dashes, spaces and オ段 long vowels all fold together (see {@link KanaFolding} for the exact rules).
     * サトウ, さとう, ｻﾄｳ, サトオ, サトー and サト give the same key; ジ and ヂ, ヴァ and バ too.
     */
    public static String kanaKey(String kana) {
        return KanaFolding.fold(kana);
    }

    /**
     * The key of a name in kanji or alphabet: NFKC (compatibility ideographs such as 神 U+FA19 become 神 U+795E,
     * full-width letters become ASCII), variation selectors (IVS) removed, 異体字 folded by
     * {@code residents/itaiji.tsv} (髙 → 高, 﨑 → 崎, 邊 → 辺, 齋 → 斎, 齊 → 斉 ...), spaces removed, Latin
     * letters upper-cased. Kana is left as it is: さくら and サクラ are different names.
     */
    public static String nameKey(String name) {
        String normalised = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder key = new StringBuilder(normalised.length());
        normalised.codePoints().forEach(codePoint -> {
            if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || isVariationSelector(codePoint)) {
                return;
            }
            int folded = VariantCharacters.keyOf(codePoint);
            key.appendCodePoint(folded < 0x80 ? Character.toUpperCase(folded) : folded);
        });
        return key.toString();
    }

    private static boolean isVariationSelector(int codePoint) {
        return (codePoint >= 0xFE00 && codePoint <= 0xFE0F) || (codePoint >= 0xE0100 && codePoint <= 0xE01EF);
    }
}
