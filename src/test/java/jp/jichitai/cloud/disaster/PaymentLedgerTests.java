package jp.jichitai.cloud.disaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import jp.jichitai.cloud.shared.BusinessException;
import org.junit.jupiter.api.Test;

class PaymentLedgerTests {

    private static final HouseholdId SATO = HouseholdId.of("0001234");
    private static final HouseholdId SUZUKI = HouseholdId.of("0005678");
    private static final LocalDate PAID_ON = LocalDate.of(2024, 3, 1);

    @Test
    void neverPaysAHouseholdTwiceForTheSameItem() {
        PaymentLedger ledger = new PaymentLedger();
        ledger.record(new SupportPaymentRecord(SATO, SupportPaymentItem.BASIC, Yen.ofManYen(100), PAID_ON));

        assertThatThrownBy(() -> ledger.record(
                new SupportPaymentRecord(SATO, SupportPaymentItem.BASIC, Yen.ofManYen(100), PAID_ON.plusDays(1))))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.messageId().value()).isEqualTo("E-DIS-0005");
                    assertThat(e.japaneseMessage()).contains("基礎支援金").contains("二重").contains("0001234");
                });
        assertThat(ledger.records()).hasSize(1);
    }

    @Test
    void paysOtherItemsAndOtherHouseholds() {
        PaymentLedger ledger = new PaymentLedger();
        ledger.record(new SupportPaymentRecord(SATO, SupportPaymentItem.BASIC, Yen.ofManYen(100), PAID_ON));
        ledger.record(new SupportPaymentRecord(SATO, SupportPaymentItem.ADDITIONAL, Yen.ofManYen(200), PAID_ON));
        ledger.record(new SupportPaymentRecord(SUZUKI, SupportPaymentItem.BASIC, Yen.ofManYen(50), PAID_ON));

        assertThat(ledger.totalPaidTo(SATO)).isEqualTo(Yen.ofManYen(300));
        assertThat(ledger.totalPaidTo(SUZUKI)).isEqualTo(Yen.ofManYen(50));
        assertThat(ledger.hasPaid(SUZUKI, SupportPaymentItem.ADDITIONAL)).isFalse();
    }

    @Test
    void rentThenBuildIsPaidInTwoItemsUpToTheCap() {
        SupportCategory category = SupportCategory.TOTAL_COLLAPSE_OR_EQUIVALENT;
        HouseholdSize size = HouseholdSize.of(3);
        PaymentLedger ledger = new PaymentLedger();

        ledger.record(new SupportPaymentRecord(SATO, SupportPaymentItem.ADDITIONAL,
                SupportPayment.additional(category, RebuildMethod.RENT, size), PAID_ON));
        ledger.record(new SupportPaymentRecord(SATO, SupportPaymentItem.ADDITIONAL_AFTER_RENTING,
                SupportPayment.additionalAfterRenting(category, RebuildMethod.BUILD_OR_PURCHASE, size),
                PAID_ON.plusYears(1)));

        assertThat(ledger.totalPaidTo(SATO)).isEqualTo(Yen.ofManYen(200));
        assertThatThrownBy(() -> ledger.record(new SupportPaymentRecord(SATO,
                SupportPaymentItem.ADDITIONAL_AFTER_RENTING, Yen.ofManYen(150), PAID_ON.plusYears(2))))
                .isInstanceOf(BusinessException.class);
    }

    @Test
    void refusesThePaymentAfterRentingWhenNothingWasPaidForRenting() {
        PaymentLedger ledger = new PaymentLedger();

        assertThatThrownBy(() -> ledger.record(new SupportPaymentRecord(SATO,
                SupportPaymentItem.ADDITIONAL_AFTER_RENTING, Yen.ofManYen(150), PAID_ON)))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageId().value()).isEqualTo("E-DIS-0006"));
    }

    @Test
    void rebuildingFromRecordsRefusesDuplicatesAsWell() {
        SupportPaymentRecord basic = new SupportPaymentRecord(SATO, SupportPaymentItem.BASIC, Yen.ofManYen(100), PAID_ON);

        assertThatThrownBy(() -> new PaymentLedger(java.util.List.of(basic, basic)))
                .isInstanceOf(BusinessException.class);
    }

    @Test
    void refusesAZeroPayment() {
        assertThatThrownBy(() -> new SupportPaymentRecord(SATO, SupportPaymentItem.BASIC, Yen.ZERO, PAID_ON))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageId().value()).isEqualTo("E-DIS-0013"));
    }
}
