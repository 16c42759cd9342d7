package jp.jichitai.cloud.residents.internal;

import java.text.Normalizer;
import java.util.Map;

/**
 * The kana folding of the 住民記録システム標準仕様書 §2.1.2 person search. Steps, in this order:
 * <ol>
 * <li>NFKC: half-width kana and full-width Latin become their usual width (ｶﾞ → ガ, Ａ → A).</li>
 * <li>Hiragana becomes katakana (ゔ → ヴ, ゝ → ヽ).</li>
 * <li>ヴ followed by a small vowel becomes the バ row (ヴァ → バ, ヴィ → ビ, ヴ → ブ; ヷヸヹヺ → バビベボ), so that
 *     ヴァ and バ meet after the next step.</li>
 * <li>Voiced and semi-voiced marks are dropped (ガ → カ, パ → ハ, ヂ → チ, ヅ → ツ).</li>
 * <li>Small kana become large (ァ → ア, ッ → ツ, ャ → ヤ, ヮ → ワ, ヵ → カ, and the small Ainu kana ㇰ → ク ...).</li>
 * <li>ヰ → イ, ヱ → エ, ヲ → オ <b>(project)</b>: older spellings of the same sound, found in older names (カヲル).</li>
 * <li>チ → シ and ツ → ス. The standard wants ジ ≡ ヂ and ズ ≡ ヅ (same sound) and also voiced marks ignored
 *     (ヂ ≡ チ, ズ ≡ ス). A key is an equivalence, so both together force シ ≡ チ and ス ≡ ツ: スズキ, ツヅキ and
 *     ツツキ share a key. We accept the extra candidates: at the counter a missed person (and a duplicate
 *     record) costs more than a longer candidate list.</li>
 * <li>Long-vowel marks, every dash and wave dash (ー ｰ － ‐ - ― — – − ～ 〜 ~) and all spaces are removed.</li>
 * <li>A ウ or オ that follows an オ段 kana is removed, repeatedly: トウ, トオ and ト all become ト; サトウ, サトオ and
 *     サトー (after the step above) become サト; キョウ becomes キヨ. Only the オ段 is folded, as the standard names
 *     only that one; ユウコ and ユーコ stay apart (ユウコ, ユコ).</li>
 * </ol>
 * Latin letters are upper-cased so that alphabet names meet too. Every step's output is a fixed point of
 * every step, so folding is idempotent.
 */
public final class KanaFolding {

    private static final String SMALL = "ァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ";
    private static final String LARGE = "アイウエオツヤユヨワカケクシストヌハヒフヘホムラリルレロ";
    private static final Map<Character, String> VU_ROW = Map.of(
            'ァ', "バ", 'ィ', "ビ", 'ゥ', "ブ", 'ェ', "ベ", 'ォ', "ボ");
    private static final String O_ROW = "オコソトノホモヨロ";
    private static final String REMOVED = "ー-‐‑‒–—―−－～〜~﹣⁃";

    private KanaFolding() {
    }

    public static String fold(String text) {
        String width = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder katakana = new StringBuilder(width.length());
        width.codePoints().forEach(codePoint -> katakana.appendCodePoint(toKatakana(codePoint)));
        String withoutVu = Normalizer.normalize(replaceVu(katakana), Normalizer.Form.NFD);
        StringBuilder plain = new StringBuilder(withoutVu.length());
        withoutVu.codePoints().forEach(codePoint -> {
            if (codePoint == 0x3099 || codePoint == 0x309A || codePoint == 0x309B || codePoint == 0x309C
                    || Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                    || (codePoint < 0x10000 && REMOVED.indexOf(codePoint) >= 0)) {
                return;
            }
            plain.appendCodePoint(toLarge(codePoint));
        });
        String composed = Normalizer.normalize(plain, Normalizer.Form.NFC);
        return foldORowLongVowels(composed);
    }

    private static int toKatakana(int codePoint) {
        if ((codePoint >= 0x3041 && codePoint <= 0x3096) || codePoint == 0x309D || codePoint == 0x309E) {
            return codePoint + 0x60;
        }
        if (codePoint < 0x80 && Character.isLetter(codePoint)) {
            return Character.toUpperCase(codePoint);
        }
        return codePoint;
    }

    private static String replaceVu(CharSequence text) {
        StringBuilder result = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char current = text.charAt(i);
            switch (current) {
                case 'ヴ' -> {
                    char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
                    String row = VU_ROW.get(next);
                    if (row != null) {
                        result.append(row);
                        i++;
                    } else {
                        result.append('ブ');
                    }
                }
                case 'ヷ' -> result.append('バ');
                case 'ヸ' -> result.append('ビ');
                case 'ヹ' -> result.append('ベ');
                case 'ヺ' -> result.append('ボ');
                default -> result.append(current);
            }
        }
        return result.toString();
    }

    private static int toLarge(int codePoint) {
        int large = codePoint;
        if (codePoint < 0x10000 && SMALL.indexOf(codePoint) >= 0) {
            large = LARGE.charAt(SMALL.indexOf(codePoint));
        }
        return switch (large) {
            case 'ヰ' -> 'イ';
            case 'ヱ' -> 'エ';
            case 'ヲ' -> 'オ';
            case 'チ' -> 'シ';
            case 'ツ' -> 'ス';
            default -> large;
        };
    }

    private static String foldORowLongVowels(String text) {
        StringBuilder result = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char current = text.charAt(i);
            boolean afterORow = result.length() > 0 && O_ROW.indexOf(result.charAt(result.length() - 1)) >= 0;
            if (afterORow && (current == 'ウ' || current == 'オ')) {
                continue;
            }
            result.append(current);
        }
        return result.toString();
    }
}
