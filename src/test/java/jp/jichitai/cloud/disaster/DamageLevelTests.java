package jp.jichitai.cloud.disaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import jp.jichitai.cloud.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DamageLevelTests {

    @ParameterizedTest(name = "{0}% is {1}")
    @CsvSource({
            "0,      BELOW_SEMI_HALF_COLLAPSE,   準半壊に至らない",
            "9.99,   BELOW_SEMI_HALF_COLLAPSE,   準半壊に至らない",
            "10,     SEMI_HALF_COLLAPSE,         準半壊",
            "19.99,  SEMI_HALF_COLLAPSE,         準半壊",
            "20,     HALF_COLLAPSE,              半壊",
            "29.99,  HALF_COLLAPSE,              半壊",
            "30,     MEDIUM_SCALE_HALF_COLLAPSE, 中規模半壊",
            "39.99,  MEDIUM_SCALE_HALF_COLLAPSE, 中規模半壊",
            "40,     LARGE_SCALE_HALF_COLLAPSE,  大規模半壊",
            "49.99,  LARGE_SCALE_HALF_COLLAPSE,  大規模半壊",
            "49.999, LARGE_SCALE_HALF_COLLAPSE,  大規模半壊",
            "50,     TOTAL_COLLAPSE,             全壊",
            "50.00,  TOTAL_COLLAPSE,             全壊",
            "100,    TOTAL_COLLAPSE,             全壊"})
    void classifiesEveryBoundary(String percent, DamageLevel expected, String japaneseName) {
        DamageLevel level = DamageRatio.of(percent).level();

        assertThat(level).isEqualTo(expected);
        assertThat(level.japaneseName()).isEqualTo(japaneseName);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "-1", "100.01", "101", "1000"})
    void refusesRatiosOutsideZeroToHundredWithAJapaneseMessage(String percent) {
        assertThatThrownBy(() -> DamageRatio.of(percent))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.messageId().value()).isEqualTo("E-DIS-0001");
                    assertThat(e.japaneseMessage()).contains("0以上100以下").contains(percent);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "四十", "40%", "abc"})
    void refusesTextThatIsNotANumber(String percent) {
        assertThatThrownBy(() -> DamageRatio.of(percent))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageId().value()).isEqualTo("E-DIS-0002"));
    }

    /** Every ratio a survey can give to three decimals, 0.000 to 100.000: 100,001 of them. */
    @Test
    void levelIsTheOneWhoseRangeHoldsTheRatio() {
        for (int thousandths = 0; thousandths <= 100_000; thousandths++) {
            BigDecimal percent = BigDecimal.valueOf(thousandths, 3);
            DamageLevel level = DamageRatio.of(percent).level();

            assertThat(percent).as("%s%% is %s", percent, level).isGreaterThanOrEqualTo(level.lowerBoundPercent());
            if (level != DamageLevel.TOTAL_COLLAPSE) {
                DamageLevel nextMoreSevere = DamageLevel.values()[level.ordinal() - 1];
                assertThat(percent).as("%s%% is %s", percent, level).isLessThan(nextMoreSevere.lowerBoundPercent());
            }
        }
    }

    /**
     * Walks every ratio from 0.000 to 100.000 upwards: if no step ever lands on a less severe level, then no
     * higher ratio anywhere is less severe than a lower one, so neighbours stand for all 5 billion pairs.
     */
    @Test
    void aHigherRatioIsNeverALessSevereLevel() {
        BigDecimal lower = BigDecimal.ZERO.setScale(3);
        for (int thousandths = 1; thousandths <= 100_000; thousandths++) {
            BigDecimal higher = BigDecimal.valueOf(thousandths, 3);

            // ordinal 0 is the most severe level
            assertThat(DamageRatio.of(higher).level().ordinal())
                    .as("level of %s%% against level of %s%%", higher, lower)
                    .isLessThanOrEqualTo(DamageRatio.of(lower).level().ordinal());
            lower = higher;
        }
    }

    @Test
    void ratiosOfEqualValueAreEqualWhateverTheirScale() {
        assertThat(DamageRatio.of("40")).isEqualTo(DamageRatio.of("40.00"));
        assertThat(DamageRatio.of("40")).hasSameHashCodeAs(DamageRatio.of("40.00"));
        assertThat(DamageRatio.of("40")).isNotEqualTo(DamageRatio.of("40.01"));
    }
}
