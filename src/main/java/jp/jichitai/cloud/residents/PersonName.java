package jp.jichitai.cloud.residents;

import java.util.Objects;

import jp.jichitai.cloud.residents.internal.ResidentMessages;

/**
 * 氏名とフリガナ (a name with its reading), used for 氏名, 旧氏 and 通称. The name is kept exactly as recorded,
 * 外字 (private use characters) and IVS sequences included; it is never normalised. The reading is full-width
 * katakana (spaces, ー and ・ allowed) or empty when the former system had none.
 */
public record PersonName(String name, String kana) {

    public PersonName {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kana, "kana");
        if (name.isBlank()) {
            throw ResidentMessages.refusal("E-RES-0024");
        }
        if (!kana.codePoints().allMatch(PersonName::isReadingCharacter)) {
            throw ResidentMessages.refusal("E-RES-0025", kana);
        }
    }

    public static PersonName of(String name, String kana) {
        return new PersonName(name, kana);
    }

    private static boolean isReadingCharacter(int codePoint) {
        return (codePoint >= 0x30A1 && codePoint <= 0x30FC) || codePoint == ' ' || codePoint == '　';
    }
}
