package jp.jichitai.cloud.disaster;

import java.time.LocalDate;
import java.util.Objects;

/** 支給記録 (record of one support payment to a household). */
public record SupportPaymentRecord(HouseholdId household, SupportPaymentItem item, Yen amount, LocalDate paidOn) {

    public SupportPaymentRecord {
        Objects.requireNonNull(household, "household");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paidOn, "paidOn");
        if (amount.isZero()) {
            throw DisasterMessages.refusal("E-DIS-0013", amount.value());
        }
    }
}
