package jp.jichitai.cloud.disaster;

/**
 * 個人検索の条件 (person search terms) of step 003: フリガナ, 氏名 and/or 生年月日 ({@code YYYYMMDD} or
 * {@code YYYY-MM-DD}). Kana and names match by the standard search keys (voiced marks, small kana, long
 * vowels, spaces, 異体字 ignored), a given name alone matches too; every term given must match.
 */
public record PersonQuery(String kana, String name, String birthDate) {

    public PersonQuery {
        kana = blankToEmpty(kana);
        name = blankToEmpty(name);
        birthDate = blankToEmpty(birthDate).replace("-", "").replace("/", "");
        if (kana.isEmpty() && name.isEmpty() && birthDate.isEmpty()) {
            throw DisasterMessages.refusal("E-DIS-0020");
        }
        if (!birthDate.isEmpty() && !birthDate.matches("[0-9]{8}")) {
            throw DisasterMessages.refusal("E-DIS-0021", birthDate);
        }
    }

    public static PersonQuery byKana(String kana) {
        return new PersonQuery(kana, null, null);
    }

    /**
     * One search box: digits are a birth date, katakana or hiragana a フリガナ, anything else a name.
     */
    public static PersonQuery parse(String text) {
        String terms = blankToEmpty(text);
        if (terms.replace("-", "").replace("/", "").matches("[0-9]{8}")) {
            return new PersonQuery(null, null, terms);
        }
        if (terms.codePoints().allMatch(c -> Character.isWhitespace(c) || c == '　' || c == 'ー'
                || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.KATAKANA
                || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HIRAGANA
                || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS)) {
            return new PersonQuery(terms, null, null);
        }
        return new PersonQuery(null, terms, null);
    }

    private static String blankToEmpty(String text) {
        return text == null ? "" : text.strip();
    }
}
