package jp.jichitai.cloud.residents;

import jp.jichitai.cloud.residents.internal.ModulusEleven;
import jp.jichitai.cloud.residents.internal.ResidentMessages;

/**
 * 住民票コード (resident record code): eleven digits given by the 住基ネット, the last a check digit.
 *
 * <p>The check digit is taken to be modulus 11 with weights 2 to 7 cycling from the rightmost data digit, 0
 * when the remainder is 0 or 1, the same form as the 個人番号 rule. We believe this is the rule of 住民基本台帳法
 * 施行規則 第1条 but could not obtain the text: <b>project choice</b> until checked against it.
 */
public record ResidentRecordCode(String value) {

    public ResidentRecordCode {
        if (value == null || !value.matches("[0-9]{11}")) {
            throw ResidentMessages.refusal("E-RES-0016");
        }
        if (!ModulusEleven.hasValidCheckDigit(value)) {
            throw ResidentMessages.refusal("E-RES-0017");
        }
    }

    public static ResidentRecordCode of(String digits) {
        return new ResidentRecordCode(digits);
    }

    /** The check digit for ten data digits. */
    public static int checkDigitOf(String tenDigits) {
        if (tenDigits == null || !tenDigits.matches("[0-9]{10}")) {
            throw new IllegalArgumentException("ten digits expected");
        }
        return ModulusEleven.checkDigitOf(tenDigits);
    }
}
