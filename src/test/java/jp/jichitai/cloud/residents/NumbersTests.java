package jp.jichitai.cloud.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.jichitai.cloud.shared.BusinessException;

class NumbersTests {

    @Test
    void individualNumberCheckDigitFollowsTheOrdinance() {
        // 12345678901, from the right: 1×2 + 0×3 + 9×4 + 8×5 + 7×6 + 6×7 + 5×2 + 4×3 + 3×4 + 2×5 + 1×6 = 212;
        // 212 mod 11 = 3; 11 − 3 = 8.
        assertThat(IndividualNumber.checkDigitOf("12345678901")).isEqualTo(8);
        assertThat(IndividualNumber.of("123456789018").value()).isEqualTo("123456789018");
    }

    @Test
    void remaindersZeroAndOneGiveZero() {
        // 00000000005: 5×2 = 10, remainder 10 → 1. 00000000010: 1×3 = 3 → 8.
        // 00000000001: 1×2 = 2 → 9. 00000000000: remainder 0 → 0. 00000000006: 12 mod 11 = 1 → 0.
        assertThat(IndividualNumber.checkDigitOf("00000000005")).isEqualTo(1);
        assertThat(IndividualNumber.checkDigitOf("00000000010")).isEqualTo(8);
        assertThat(IndividualNumber.checkDigitOf("00000000001")).isEqualTo(9);
        assertThat(IndividualNumber.checkDigitOf("00000000000")).isZero();
        assertThat(IndividualNumber.checkDigitOf("00000000006")).isZero();
    }

    @Test
    void individualNumberIsMaskedUnlessAskedFor() {
        IndividualNumber number = IndividualNumber.of("123456789018");

        assertThat(number.masked()).isEqualTo("**** **** 9018");
        assertThat(number).hasToString("**** **** 9018");
        assertThat(number.grouped()).isEqualTo("1234 5678 9018");
    }

    @Test
    void issuedAtenaAndHouseholdNumbersEndInTheirCheckDigit() {
        // serial 1: 1×2 = 2 → 9.  serial 10: 0×2 + 1×3 = 3 → 8.  serial 5: 10 → 1.  serial 6: 12 mod 11 = 1 → 0.
        assertThat(AtenaNumber.issued(1).value()).isEqualTo("19");
        assertThat(AtenaNumber.issued(10).value()).isEqualTo("108");
        assertThat(HouseholdNumber.issued(5).value()).isEqualTo("51");
        assertThat(HouseholdNumber.issued(6).value()).isEqualTo("60");
        assertThat(AtenaNumber.issued(99_999_999_999_999L).value()).hasSize(15);
        assertThat(AtenaNumber.issued(123).isIssuedForm()).isTrue();
    }

    @Test
    void migratedNumbersAreKeptAsTheyAre() {
        AtenaNumber migrated = AtenaNumber.migrated("0001234567");

        assertThat(migrated.value()).isEqualTo("0001234567");
        assertThat(migrated.isIssuedForm()).isFalse();
        assertThat(AtenaNumber.migrated("0000000019").isIssuedForm()).isTrue();
        assertThat(migrated).isNotEqualTo(AtenaNumber.migrated("1234567"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            atena      | 1234567890123456 | E-RES-0010 | 宛名番号「1234567890123456」は使用できません。1桁から15桁の半角数字で入力してください。
            atena      | 12A4             | E-RES-0010 | 宛名番号「12A4」は使用できません。1桁から15桁の半角数字で入力してください。
            atena      | ''               | E-RES-0010 | 宛名番号「」は使用できません。1桁から15桁の半角数字で入力してください。
            atenaCheck | 18               | E-RES-0011 | 宛名番号「18」の検査数字が正しくありません。番号を確認してください。
            household  | １２３            | E-RES-0012 | 世帯番号「１２３」は使用できません。1桁から15桁の半角数字で入力してください。
            householdCheck | 52           | E-RES-0013 | 世帯番号「52」の検査数字が正しくありません。番号を確認してください。
            individual | 12345678901      | E-RES-0014 | 個人番号は12桁の半角数字で入力してください。
            individual | 123456789017     | E-RES-0015 | 個人番号の検査数字が正しくありません。番号を確認してください。
            record     | 1234567890       | E-RES-0016 | 住民票コードは11桁の半角数字で入力してください。
            record     | 12345678900      | E-RES-0017 | 住民票コードの検査数字が正しくありません。番号を確認してください。
            """)
    void refusesMalformedNumbersWithAJapaneseMessage(String kind, String digits, String messageId, String message) {
        Runnable parse = switch (kind) {
            case "atena" -> () -> AtenaNumber.migrated(digits);
            case "atenaCheck" -> () -> AtenaNumber.checked(digits);
            case "household" -> () -> HouseholdNumber.migrated(digits);
            case "householdCheck" -> () -> HouseholdNumber.checked(digits);
            case "individual" -> () -> IndividualNumber.of(digits);
            default -> () -> ResidentRecordCode.of(digits);
        };
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(BusinessException.class, refusal -> {
            assertThat(refusal.messageId().value()).isEqualTo(messageId);
            assertThat(refusal.japaneseMessage()).isEqualTo(message);
        });
    }

    @Test
    void residentRecordCodeUsesTheSameModulusElevenForm() {
        // 1234567890 from the right: 0×2 + 9×3 + 8×4 + 7×5 + 6×6 + 5×7 + 4×2 + 3×3 + 2×4 + 1×5 = 195; 195 mod 11 = 8 → 3.
        assertThat(ResidentRecordCode.checkDigitOf("1234567890")).isEqualTo(3);
        assertThat(ResidentRecordCode.of("12345678903").value()).isEqualTo("12345678903");
    }

    @Test
    void theIndividualNumberNeverAppearsInARefusal() {
        assertThatThrownBy(() -> IndividualNumber.of("123456789017")).message().doesNotContain("12345678901");
    }
}
