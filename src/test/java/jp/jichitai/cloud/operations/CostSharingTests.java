package jp.jichitai.cloud.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.support.Generators;
import org.junit.jupiter.api.Test;

class CostSharingTests {

    private static final TenantCode NAYORO = TenantCode.of("012211");
    private static final TenantCode SHIBETSU = TenantCode.of("012203");
    private static final TenantCode IMAKANE = TenantCode.of("013706");

    private static Map<TenantCode, Long> residents() {
        Map<TenantCode, Long> key = new LinkedHashMap<>();
        key.put(NAYORO, 29_869L);
        key.put(SHIBETSU, 21_640L);
        key.put(IMAKANE, 5_968L);
        return key;
    }

    @Test
    void sharesByResidentCountAddUpExactly() {
        // 7,863 x 29,869 / 57,477 = 4,086.155 -> 4,086 (remainder 8,925 / 57,477)
        // 7,863 x 21,640 / 57,477 = 2,960.407 -> 2,960 (remainder 23,400)
        // 7,863 x  5,968 / 57,477 =   816.438 ->   816 (remainder 25,152)
        // 4,086 + 2,960 + 816 = 7,862; the 1千円 left goes to the largest remainder, 今金町.
        // (Rounding each share to nearest would give 7,862 and lose 1千円.)
        Map<TenantCode, ThousandYen> shares = CostSharing.share(ThousandYen.of(7_863), residents());

        assertThat(shares).containsExactly(
                Map.entry(NAYORO, ThousandYen.of(4_086)),
                Map.entry(SHIBETSU, ThousandYen.of(2_960)),
                Map.entry(IMAKANE, ThousandYen.of(817)));
    }

    @Test
    void leftOverGoesToTheLargestRemainderNotTheLargestParty() {
        // 10 x 29,869 / 57,477 = 5.197, 10 x 21,640 / 57,477 = 3.765, 10 x 5,968 / 57,477 = 1.038
        // floors 5 + 3 + 1 = 9; the largest remainder is 士別市's .765
        assertThat(CostSharing.share(ThousandYen.of(10), residents()).values())
                .containsExactly(ThousandYen.of(5), ThousandYen.of(4), ThousandYen.of(1));
    }

    @Test
    void equalRemaindersGoToTheLargerKeyThenToTheEarlierEntry() {
        Map<String, Long> equal = new LinkedHashMap<>();
        equal.put("A", 1L);
        equal.put("B", 1L);
        equal.put("C", 1L);
        Map<String, Long> unequal = new LinkedHashMap<>();
        unequal.put("small", 1L);
        unequal.put("large", 3L);

        assertThat(CostSharing.share(ThousandYen.of(2), equal).values())
                .containsExactly(ThousandYen.of(1), ThousandYen.of(1), ThousandYen.of(0));
        // 2 x 1/4 = 0.5 and 2 x 3/4 = 1.5: equal remainders, the larger key wins
        assertThat(CostSharing.share(ThousandYen.of(2), unequal).values())
                .containsExactly(ThousandYen.of(0), ThousandYen.of(2));
    }

    /** Totals up to 100億円 shared by one to eight parties with weights up to 1,000,000, zeros included. */
    @Test
    void sharesAlwaysAddUpAndStayWithinOneOfTheirQuota() {
        long seed = Generators.seed(20250201L);
        SplittableRandom random = new SplittableRandom(seed);
        for (int caseNumber = 0; caseNumber < Generators.CASES; caseNumber++) {
            long total = Generators.between(random, 0L, 10_000_000L);
            List<Long> weights = Generators.listOf(random, 1, 8, r -> Generators.between(r, 0L, 1_000_000L));
            long keySum = weights.stream().mapToLong(Long::longValue).sum();
            if (keySum == 0) {
                continue; // refused, see refusesAKeyThatSumsToNothing
            }
            Map<Integer, Long> key = new LinkedHashMap<>();
            for (int i = 0; i < weights.size(); i++) {
                key.put(i, weights.get(i));
            }

            Map<Integer, ThousandYen> shares = CostSharing.share(ThousandYen.of(total), key);

            assertThat(shares.values().stream().mapToLong(ThousandYen::value).sum())
                    .as("seed %d, case %d: sum of the shares of %d by %s", seed, caseNumber, total, weights)
                    .isEqualTo(total);
            for (Map.Entry<Integer, ThousandYen> share : shares.entrySet()) {
                BigDecimal quota = BigDecimal.valueOf(total).multiply(BigDecimal.valueOf(key.get(share.getKey())))
                        .divide(BigDecimal.valueOf(keySum), 10, RoundingMode.HALF_EVEN);
                assertThat(BigDecimal.valueOf(share.getValue().value()).subtract(quota).abs())
                        .as("seed %d, case %d: share %s of %d by %s against its quota %s", seed, caseNumber,
                                share, total, weights, quota)
                        .isLessThan(BigDecimal.ONE);
            }
        }
    }

    @Test
    void refusesAKeyThatSumsToNothing() {
        assertThatThrownBy(() -> CostSharing.share(ThousandYen.of(100), Map.of("A", 0L)))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageId().value()).isEqualTo("E-OPS-0010"));
    }

    @Test
    void nayoroYearOnYearReductionAndHowTheDocumentRoundsIt() {
        YearOnYearChange change = new YearOnYearChange(ThousandYen.of(9_098), ThousandYen.of(7_863));

        // 9,098 - 7,863 = 1,235; 1,235 / 9,098 = 13.5744...%
        assertThat(change.reduction()).isEqualTo(1_235);
        assertThat(change.reductionPercent(1, RoundingMode.HALF_UP)).isEqualByComparingTo("13.6");
        // the document's "13%削減" is the truncated whole percent; rounding half up would say 14%
        assertThat(change.reductionPercent(0, YearOnYearChange.DOCUMENT_ROUNDING)).isEqualByComparingTo("13");
        assertThat(change.reductionPercent(0, RoundingMode.HALF_UP)).isEqualByComparingTo("14");
    }

    @Test
    void anIncreaseIsANegativeReduction() {
        YearOnYearChange change = new YearOnYearChange(ThousandYen.of(1_000), ThousandYen.of(1_100));

        assertThat(change.reduction()).isEqualTo(-100);
        assertThat(change.reductionPercent(1, RoundingMode.HALF_UP)).isEqualByComparingTo("-10.0");
    }
}
