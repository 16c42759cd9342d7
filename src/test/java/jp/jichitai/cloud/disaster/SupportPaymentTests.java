package jp.jichitai.cloud.disaster;

import static jp.jichitai.cloud.disaster.RebuildMethod.BUILD_OR_PURCHASE;
import static jp.jichitai.cloud.disaster.RebuildMethod.RENT;
import static jp.jichitai.cloud.disaster.RebuildMethod.REPAIR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import jp.jichitai.cloud.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The law's table, cell by cell, written in 円 as the counter pays them. */
class SupportPaymentTests {

    private static final HouseholdSize TWO_PEOPLE = HouseholdSize.of(2);

    @ParameterizedTest(name = "基礎 {0}, {1} person(s): {2} yen")
    @CsvSource({
            "TOTAL_COLLAPSE_OR_EQUIVALENT, 2, 1000000",
            "TOTAL_COLLAPSE_OR_EQUIVALENT, 1,  750000",
            "LARGE_SCALE_HALF_COLLAPSE,    2,  500000",
            "LARGE_SCALE_HALF_COLLAPSE,    1,  375000",
            "MEDIUM_SCALE_HALF_COLLAPSE,   2,       0",
            "MEDIUM_SCALE_HALF_COLLAPSE,   1,       0",
            "NOT_ELIGIBLE,                 2,       0",
            "NOT_ELIGIBLE,                 1,       0"})
    void basicSupport(SupportCategory category, int members, long expectedYen) {
        assertThat(SupportPayment.basic(category, HouseholdSize.of(members))).isEqualTo(new Yen(expectedYen));
    }

    @ParameterizedTest(name = "加算 {0} {1}, {2} person(s): {3} yen")
    @CsvSource({
            "TOTAL_COLLAPSE_OR_EQUIVALENT, BUILD_OR_PURCHASE, 3, 2000000",
            "TOTAL_COLLAPSE_OR_EQUIVALENT, REPAIR,            3, 1000000",
            "TOTAL_COLLAPSE_OR_EQUIVALENT, RENT,              3,  500000",
            "TOTAL_COLLAPSE_OR_EQUIVALENT, BUILD_OR_PURCHASE, 1, 1500000",
            "TOTAL_COLLAPSE_OR_EQUIVALENT, REPAIR,            1,  750000",
            "TOTAL_COLLAPSE_OR_EQUIVALENT, RENT,              1,  375000",
            "LARGE_SCALE_HALF_COLLAPSE,    BUILD_OR_PURCHASE, 3, 2000000",
            "LARGE_SCALE_HALF_COLLAPSE,    REPAIR,            3, 1000000",
            "LARGE_SCALE_HALF_COLLAPSE,    RENT,              3,  500000",
            "LARGE_SCALE_HALF_COLLAPSE,    BUILD_OR_PURCHASE, 1, 1500000",
            "LARGE_SCALE_HALF_COLLAPSE,    REPAIR,            1,  750000",
            "LARGE_SCALE_HALF_COLLAPSE,    RENT,              1,  375000",
            "MEDIUM_SCALE_HALF_COLLAPSE,   BUILD_OR_PURCHASE, 3, 1000000",
            "MEDIUM_SCALE_HALF_COLLAPSE,   REPAIR,            3,  500000",
            "MEDIUM_SCALE_HALF_COLLAPSE,   RENT,              3,  250000",
            "MEDIUM_SCALE_HALF_COLLAPSE,   BUILD_OR_PURCHASE, 1,  750000",
            "MEDIUM_SCALE_HALF_COLLAPSE,   REPAIR,            1,  375000",
            "MEDIUM_SCALE_HALF_COLLAPSE,   RENT,              1,  187500",
            "NOT_ELIGIBLE,                 BUILD_OR_PURCHASE, 3,       0",
            "NOT_ELIGIBLE,                 REPAIR,            1,       0",
            "NOT_ELIGIBLE,                 RENT,              3,       0"})
    void additionalSupport(SupportCategory category, RebuildMethod method, int members, long expectedYen) {
        assertThat(SupportPayment.additional(category, method, HouseholdSize.of(members)))
                .isEqualTo(new Yen(expectedYen));
    }

    @ParameterizedTest(name = "賃借後 {1}, {0}, {2} person(s): {3} yen more")
    @CsvSource({
            // 50万円 for renting, then 150万円 more to reach 200万円
            "TOTAL_COLLAPSE_OR_EQUIVALENT, BUILD_OR_PURCHASE, 2, 1500000",
            "TOTAL_COLLAPSE_OR_EQUIVALENT, REPAIR,            2,  500000",
            // one person: 37.5万円 then 112.5万円 more to reach 150万円
            "TOTAL_COLLAPSE_OR_EQUIVALENT, BUILD_OR_PURCHASE, 1, 1125000",
            "TOTAL_COLLAPSE_OR_EQUIVALENT, REPAIR,            1,  375000",
            "LARGE_SCALE_HALF_COLLAPSE,    BUILD_OR_PURCHASE, 2, 1500000",
            "LARGE_SCALE_HALF_COLLAPSE,    BUILD_OR_PURCHASE, 1, 1125000",
            "LARGE_SCALE_HALF_COLLAPSE,    REPAIR,            1,  375000",
            // 中規模半壊: 25万円, then 75万円 more to reach 100万円
            "MEDIUM_SCALE_HALF_COLLAPSE,   BUILD_OR_PURCHASE, 2,  750000",
            "MEDIUM_SCALE_HALF_COLLAPSE,   REPAIR,            2,  250000",
            "MEDIUM_SCALE_HALF_COLLAPSE,   BUILD_OR_PURCHASE, 1,  562500",
            "MEDIUM_SCALE_HALF_COLLAPSE,   REPAIR,            1,  187500"})
    void rentThenBuildOrRepair(SupportCategory category, RebuildMethod later, int members, long expectedYen) {
        assertThat(SupportPayment.additionalAfterRenting(category, later, HouseholdSize.of(members)))
                .isEqualTo(new Yen(expectedYen));
    }

    @ParameterizedTest(name = "{0}, {1} person(s)")
    @MethodSource("everyCategoryAndHouseholdOfOneToNine")
    void rentThenAnyMethodNeverExceedsTheCap(SupportCategory category, int members) {
        HouseholdSize size = HouseholdSize.of(members);
        for (RebuildMethod later : new RebuildMethod[] {BUILD_OR_PURCHASE, REPAIR}) {
            Yen total = SupportPayment.additional(category, RENT, size)
                    .plus(SupportPayment.additionalAfterRenting(category, later, size));

            assertThat(total).as("rent then %s", later).isLessThanOrEqualTo(SupportPayment.additionalCap(category, size));
            assertThat(total).as("rent then %s", later).isEqualTo(SupportPayment.additional(category, later, size));
        }
    }

    @ParameterizedTest(name = "{0} {1}, {2} person(s)")
    @MethodSource("everyCategoryMethodAndHouseholdOfTwoToTwenty")
    void oneHouseholdMemberGetsThreeQuartersOfEveryAmount(SupportCategory category, RebuildMethod method, int members) {
        Yen many = SupportPayment.additional(category, method, HouseholdSize.of(members));
        Yen one = SupportPayment.additional(category, method, HouseholdSize.ONE_PERSON);

        assertThat(one.value() * 4).as("加算 x 4 for one person").isEqualTo(many.value() * 3);
        assertThat(SupportPayment.basic(category, HouseholdSize.ONE_PERSON).value() * 4).as("基礎 x 4 for one person")
                .isEqualTo(SupportPayment.basic(category, HouseholdSize.of(members)).value() * 3);
    }

    static Stream<Arguments> everyCategoryAndHouseholdOfOneToNine() {
        return Stream.of(SupportCategory.values())
                .flatMap(category -> IntStream.rangeClosed(1, 9).mapToObj(members -> Arguments.of(category, members)));
    }

    static Stream<Arguments> everyCategoryMethodAndHouseholdOfTwoToTwenty() {
        return Stream.of(SupportCategory.values()).flatMap(category -> Stream.of(RebuildMethod.values())
                .flatMap(method -> IntStream.rangeClosed(2, 20)
                        .mapToObj(members -> Arguments.of(category, method, members))));
    }

    @Test
    void rentingAgainAfterRentingIsRefused() {
        assertThatThrownBy(() -> SupportPayment.additionalAfterRenting(
                SupportCategory.TOTAL_COLLAPSE_OR_EQUIVALENT, RENT, TWO_PEOPLE))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageId().value()).isEqualTo("E-DIS-0004"));
    }

    @ParameterizedTest(name = "{0} with {1} is {2}")
    @CsvSource({
            "TOTAL_COLLAPSE,             NONE,                 TOTAL_COLLAPSE_OR_EQUIVALENT",
            "LARGE_SCALE_HALF_COLLAPSE,  NONE,                 LARGE_SCALE_HALF_COLLAPSE",
            "MEDIUM_SCALE_HALF_COLLAPSE, NONE,                 MEDIUM_SCALE_HALF_COLLAPSE",
            "HALF_COLLAPSE,              NONE,                 NOT_ELIGIBLE",
            "SEMI_HALF_COLLAPSE,         NONE,                 NOT_ELIGIBLE",
            "BELOW_SEMI_HALF_COLLAPSE,   NONE,                 NOT_ELIGIBLE",
            "HALF_COLLAPSE,              DEMOLITION,           TOTAL_COLLAPSE_OR_EQUIVALENT",
            "BELOW_SEMI_HALF_COLLAPSE,   LONG_TERM_EVACUATION, TOTAL_COLLAPSE_OR_EQUIVALENT",
            "MEDIUM_SCALE_HALF_COLLAPSE, DEMOLITION,           TOTAL_COLLAPSE_OR_EQUIVALENT",
            "LARGE_SCALE_HALF_COLLAPSE,  LONG_TERM_EVACUATION, TOTAL_COLLAPSE_OR_EQUIVALENT"})
    void eligibility(DamageLevel level, HouseholdCircumstance circumstance, SupportCategory expected) {
        assertThat(SupportCategory.of(level, circumstance)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "中規模半壊 on {0}: {1}")
    @CsvSource({"2020-07-02, NOT_ELIGIBLE", "2020-07-03, MEDIUM_SCALE_HALF_COLLAPSE", "2024-01-01, MEDIUM_SCALE_HALF_COLLAPSE"})
    void mediumScaleHalfCollapseCountsOnlyForDisastersFromJuly2020(java.time.LocalDate disaster, SupportCategory expected) {
        assertThat(SupportCategory.of(DamageLevel.MEDIUM_SCALE_HALF_COLLAPSE, HouseholdCircumstance.NONE, disaster))
                .isEqualTo(expected);
        assertThat(SupportCategory.of(DamageLevel.LARGE_SCALE_HALF_COLLAPSE, HouseholdCircumstance.NONE, disaster))
                .isEqualTo(SupportCategory.LARGE_SCALE_HALF_COLLAPSE);
    }

    @Test
    void aHalfCollapsedHouseGetsNothingUnlessDemolished() {
        SupportCategory halfCollapse = SupportCategory.of(DamageLevel.HALF_COLLAPSE, HouseholdCircumstance.NONE);
        SupportCategory demolished = SupportCategory.of(DamageLevel.HALF_COLLAPSE, HouseholdCircumstance.DEMOLITION);

        assertThat(SupportPayment.basic(halfCollapse, TWO_PEOPLE)).isEqualTo(Yen.ZERO);
        assertThat(SupportPayment.additional(halfCollapse, BUILD_OR_PURCHASE, TWO_PEOPLE)).isEqualTo(Yen.ZERO);
        assertThat(SupportPayment.basic(demolished, TWO_PEOPLE)).isEqualTo(Yen.ofManYen(100));
    }

    @Test
    void householdOfNoOneIsRefused() {
        assertThatThrownBy(() -> HouseholdSize.of(0))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageId().value()).isEqualTo("E-DIS-0003"));
    }
}
