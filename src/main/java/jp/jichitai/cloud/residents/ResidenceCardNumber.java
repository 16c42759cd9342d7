package jp.jichitai.cloud.residents;

import jp.jichitai.cloud.residents.internal.ResidentMessages;

/** 在留カード等番号 (number of a residence card or special permanent resident certificate): e.g. AB12345678CD. */
public record ResidenceCardNumber(String value) {

    public ResidenceCardNumber {
        if (value == null || !value.matches("[A-Z]{2}[0-9]{8}[A-Z]{2}")) {
            throw ResidentMessages.refusal("E-RES-0019", value);
        }
    }
}
