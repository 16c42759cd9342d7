package jp.jichitai.cloud.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import jp.jichitai.cloud.support.Generators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantCodeTests {

    @ParameterizedTest
    @ValueSource(strings = {"012211", "012203", "013706", "282049", "131016", "011002"})
    void acceptsRealMunicipalCodes(String code) {
        assertThat(TenantCode.of(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"012212", "012200", "013705", "282040"})
    void refusesAWrongCheckDigit(String code) {
        assertThatThrownBy(() -> TenantCode.of(code))
                .isInstanceOf(BusinessException.class)
                .hasMessage("団体コードの検査数字が正しくありません。")
                .extracting(e -> ((BusinessException) e).messageId().value()).isEqualTo("E-TEN-0002");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "01221", "0122110", "01221a", "０１２２１１"})
    void refusesMalformedCodes(String code) {
        assertThatThrownBy(() -> TenantCode.of(code)).hasMessage("団体コードは6桁の半角数字で入力してください。");
    }

    /** All 100,000 five-digit bodies with the digit computed for them. */
    @Test
    void theComputedCheckDigitIsAccepted() {
        for (int body = 0; body <= 99_999; body++) {
            String five = String.format("%05d", body);
            String code = five + TenantCode.checkDigitOf(five);

            assertThat(TenantCode.isValid(code)).as("%s is valid", code).isTrue();
        }
    }

    /**
     * Each of the ten final digits on seeded random bodies: every refusal throws and fills in a stack trace,
     * so all 900,000 wrong codes would take 20 seconds; {@link #checkDigitFollowsTheJisRule} covers all bodies.
     */
    @Test
    void theComputedCheckDigitIsTheOnlyOneAccepted() {
        long seed = Generators.seed(20250401L);
        SplittableRandom random = new SplittableRandom(seed);
        for (int caseNumber = 0; caseNumber < Generators.CASES; caseNumber++) {
            String five = String.format("%05d", Generators.between(random, 0, 99_999));
            int check = TenantCode.checkDigitOf(five);
            for (int digit = 0; digit <= 9; digit++) {
                assertThat(TenantCode.isValid(five + digit))
                        .as("seed %d, case %d: %s%d is valid (check digit %d)", seed, caseNumber, five, digit, check)
                        .isEqualTo(digit == check);
            }
        }
    }

    /** All 100,000 five-digit bodies, against the rule of JIS X 0402 written out by hand. */
    @Test
    void checkDigitFollowsTheJisRule() {
        int[] weights = {6, 5, 4, 3, 2};
        for (int body = 0; body <= 99_999; body++) {
            String five = String.format("%05d", body);
            int sum = 0;
            for (int i = 0; i < 5; i++) {
                sum += (five.charAt(i) - '0') * weights[i];
            }
            int remainder = sum % 11;
            int expected = remainder == 0 ? 1 : remainder == 1 ? 0 : 11 - remainder;
            assertThat(TenantCode.checkDigitOf(five)).as("check digit of %s", five).isEqualTo(expected);
        }
    }
}
