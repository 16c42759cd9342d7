package jp.jichitai.cloud.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

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

    @Property
    void theComputedCheckDigitIsTheOnlyOneAccepted(@ForAll @IntRange(min = 0, max = 99999) int body,
            @ForAll @IntRange(min = 0, max = 9) int digit) {
        String five = String.format("%05d", body);
        int check = TenantCode.checkDigitOf(five);
        assertThat(TenantCode.isValid(five + digit)).isEqualTo(digit == check);
    }

    @Property
    void checkDigitFollowsTheJisRule(@ForAll @IntRange(min = 0, max = 99999) int body) {
        String five = String.format("%05d", body);
        int sum = 0;
        int[] weights = {6, 5, 4, 3, 2};
        for (int i = 0; i < 5; i++) {
            sum += (five.charAt(i) - '0') * weights[i];
        }
        int remainder = sum % 11;
        int expected = remainder == 0 ? 1 : remainder == 1 ? 0 : 11 - remainder;
        assertThat(TenantCode.checkDigitOf(five)).isEqualTo(expected);
    }
}
