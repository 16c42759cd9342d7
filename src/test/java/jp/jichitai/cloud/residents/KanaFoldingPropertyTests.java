package jp.jichitai.cloud.residents;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Properties of {@link SearchKeys#kanaKey}, each checked on 20,000 generated names from a fixed seed (so a
 * failure is reproducible) drawn from all katakana, hiragana, half-width kana, marks, dashes and spaces.
 */
class KanaFoldingPropertyTests {

    private static final int SAMPLES = 20_000;
    private static final String KATAKANA = katakanaWithHiraganaCounterpart();
    private static final String EXTRA = "ーｰ－‐-―～〜 　ヷヸヹヺヽヾㇰㇳㇷゞ゛゜ｶﾞﾊﾟｯｬﾝﾞﾟ・ABCabc";
    private static final Map<Character, String> HALF_WIDTH = halfWidthTable();

    @Test
    void foldingIsIdempotent() {
        Random random = new Random(20240301);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            String name = randomText(random, KATAKANA + EXTRA + toHiragana(KATAKANA));
            String key = SearchKeys.kanaKey(name);
            if (!SearchKeys.kanaKey(key).equals(key)) {
                failures.add(name + " -> " + key + " -> " + SearchKeys.kanaKey(key));
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void hiraganaFoldsLikeKatakana() {
        Random random = new Random(7);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            String name = randomText(random, KATAKANA + "ー 　");
            if (!SearchKeys.kanaKey(toHiragana(name)).equals(SearchKeys.kanaKey(name))) {
                failures.add(name);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void halfWidthFoldsLikeFullWidth() {
        Random random = new Random(11);
        List<String> failures = new ArrayList<>();
        int converted = 0;
        for (int i = 0; i < SAMPLES; i++) {
            String name = randomText(random, KATAKANA + "ー 　");
            String halfWidth = toHalfWidth(name);
            if (!halfWidth.equals(name)) {
                converted++;
            }
            if (!SearchKeys.kanaKey(halfWidth).equals(SearchKeys.kanaKey(name))) {
                failures.add(name + " / " + halfWidth);
            }
        }
        assertThat(converted).isGreaterThan(SAMPLES / 2);
        assertThat(failures).isEmpty();
    }

    private static String randomText(Random random, String alphabet) {
        int length = random.nextInt(13);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String katakanaWithHiraganaCounterpart() {
        StringBuilder katakana = new StringBuilder();
        for (char c = 0x30A1; c <= 0x30F6; c++) {
            katakana.append(c);
        }
        return katakana.toString();
    }

    private static String toHiragana(String text) {
        StringBuilder hiragana = new StringBuilder();
        for (char c : text.toCharArray()) {
            hiragana.append(c >= 0x30A1 && c <= 0x30F6 ? (char) (c - 0x60) : c);
        }
        return hiragana.toString();
    }

    /** Full-width katakana → half-width form, built from the half-width block itself (voiced: base + ﾞ). */
    private static Map<Character, String> halfWidthTable() {
        Map<Character, String> table = new HashMap<>();
        for (char half = 0xFF66; half <= 0xFF9D; half++) {
            String full = Normalizer.normalize(String.valueOf(half), Normalizer.Form.NFKC);
            table.put(full.charAt(0), String.valueOf(half));
        }
        table.put('ー', "ｰ");
        for (char full = 0x30A1; full <= 0x30FA; full++) {
            String decomposed = Normalizer.normalize(String.valueOf(full), Normalizer.Form.NFD);
            if (decomposed.length() == 2 && table.containsKey(decomposed.charAt(0))) {
                String mark = decomposed.charAt(1) == 0x3099 ? "ﾞ" : "ﾟ";
                table.put(full, table.get(decomposed.charAt(0)) + mark);
            }
        }
        return table;
    }

    private static String toHalfWidth(String text) {
        StringBuilder half = new StringBuilder();
        for (char c : text.toCharArray()) {
            half.append(HALF_WIDTH.getOrDefault(c, String.valueOf(c)));
        }
        return half.toString();
    }
}
