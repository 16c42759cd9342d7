package jp.jichitai.cloud.disaster.internal;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds a Japanese address into a matching key. NFKC is applied here because the result is a search
 * key only; stored addresses are never normalised.
 */
public final class AddressNormalizer {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern DASHES = Pattern.compile("[\\-\\u2010\\u2011\\u2012\\u2013\\u2014\\u2015\\u2212\\u2500\\u2501\\uFE63\\uFF0D]");
    /** A kanji 一 or a long-vowel mark typed between two digits is a dash, not a number or a vowel. */
    private static final Pattern DASH_LIKE_BETWEEN_DIGITS = Pattern.compile("(?<=[0-9])[一ー](?=[0-9])");
    private static final Pattern KANJI_NUMERAL = Pattern.compile("[〇零一二三四五六七八九十百千]+");
    private static final Pattern UNIT_AFTER_NUMBER = Pattern.compile("(?<=[0-9])(?:-*(?:丁目|番地|番|号室|号))+");
    private static final Pattern LINK_BETWEEN_NUMBERS = Pattern.compile("(?<=[0-9\\-])[のノ之ー](?=[0-9])");
    private static final Pattern REPEATED_DASHES = Pattern.compile("-{2,}");
    private static final Pattern DASH_BEFORE_NON_DIGIT = Pattern.compile("(?<=[0-9])-(?=[^0-9]|$)");
    private static final Pattern SMALL_KE_BETWEEN_KANJI = Pattern.compile("(?<=\\p{IsHan})[ヶケヵがガ](?=\\p{IsHan})");

    private AddressNormalizer() {
    }

    public static String normalize(String address) {
        String text = Normalizer.normalize(address, Normalizer.Form.NFKC);
        text = SPACES.matcher(text).replaceAll("");
        text = DASHES.matcher(text).replaceAll("-");
        text = DASH_LIKE_BETWEEN_DIGITS.matcher(text).replaceAll("-");
        text = replaceKanjiNumerals(text);
        text = UNIT_AFTER_NUMBER.matcher(text).replaceAll("-");
        text = LINK_BETWEEN_NUMBERS.matcher(text).replaceAll("-");
        text = REPEATED_DASHES.matcher(text).replaceAll("-");
        text = DASH_BEFORE_NON_DIGIT.matcher(text).replaceAll("");
        text = SMALL_KE_BETWEEN_KANJI.matcher(text).replaceAll("ヶ");
        return text.toUpperCase(java.util.Locale.ROOT);
    }

    private static String replaceKanjiNumerals(String text) {
        Matcher matcher = KANJI_NUMERAL.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Long.toString(valueOf(matcher.group())));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** 二十三 (with 十百千) reads as a counted number; 二三 or 二〇三 (digits only) reads digit by digit. */
    static long valueOf(String kanjiNumeral) {
        boolean counted = kanjiNumeral.chars().anyMatch(c -> c == '十' || c == '百' || c == '千');
        long total = 0;
        long digit = 0;
        for (char c : kanjiNumeral.toCharArray()) {
            int unit = unitOf(c);
            if (unit > 0) {
                total += (digit == 0 ? 1 : digit) * unit;
                digit = 0;
            } else if (counted) {
                digit = digit * 10 + digitOf(c);
            } else {
                total = total * 10 + digitOf(c);
            }
        }
        return total + digit;
    }

    private static int unitOf(char c) {
        return switch (c) {
            case '十' -> 10;
            case '百' -> 100;
            case '千' -> 1000;
            default -> 0;
        };
    }

    private static int digitOf(char c) {
        return "〇一二三四五六七八九".indexOf(c == '零' ? '〇' : c);
    }
}
