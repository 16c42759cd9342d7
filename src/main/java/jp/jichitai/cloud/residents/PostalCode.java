package jp.jichitai.cloud.residents;

import jp.jichitai.cloud.residents.internal.ResidentMessages;

/** 郵便番号 (postal code): seven digits, shown as {@code 096-0011}. */
public record PostalCode(String digits) {

    public PostalCode {
        if (digits == null || !digits.matches("[0-9]{7}")) {
            throw ResidentMessages.refusal("E-RES-0018", digits);
        }
    }

    /** Reads {@code 0960011} or {@code 096-0011}. */
    public static PostalCode parse(String text) {
        if (text != null && text.matches("[0-9]{3}-[0-9]{4}")) {
            return new PostalCode(text.replace("-", ""));
        }
        return new PostalCode(text);
    }

    @Override
    public String toString() {
        return digits.substring(0, 3) + "-" + digits.substring(3);
    }
}
