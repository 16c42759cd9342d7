package jp.jichitai.cloud.disaster;

import java.util.Map;

/**
 * 被災者生活再建支援金 (support payment for rebuilding the lives of disaster victims), for disasters from
 * 2020-07-03, under 被災者生活再建支援法 3条.
 *
 * <p>The amounts of the law's table, in 万円 (a one-person household gets 3/4 of each):
 * <pre>
 *                          基礎   加算: 建設・購入  補修  賃借（公営住宅以外）
 * 全壊 / 解体 / 長期避難     100          200       100        50
 * 大規模半壊                  50          200       100        50
 * 中規模半壊                   0          100        50        25
 * </pre>
 * A household that rents first and later builds, buys or repairs is paid the difference, so that its
 * 加算支援金 in total is the amount for the final method: never more than the build-or-purchase amount
 * (200万円, or 100万円 for 中規模半壊; 3/4 of it for one person).
 */
public final class SupportPayment {

    private static final Map<SupportCategory, Long> BASIC_MAN_YEN = Map.of(
            SupportCategory.TOTAL_COLLAPSE_OR_EQUIVALENT, 100L,
            SupportCategory.LARGE_SCALE_HALF_COLLAPSE, 50L,
            SupportCategory.MEDIUM_SCALE_HALF_COLLAPSE, 0L,
            SupportCategory.NOT_ELIGIBLE, 0L);

    private static final Map<SupportCategory, Map<RebuildMethod, Long>> ADDITIONAL_MAN_YEN = Map.of(
            SupportCategory.TOTAL_COLLAPSE_OR_EQUIVALENT,
            Map.of(RebuildMethod.BUILD_OR_PURCHASE, 200L, RebuildMethod.REPAIR, 100L, RebuildMethod.RENT, 50L),
            SupportCategory.LARGE_SCALE_HALF_COLLAPSE,
            Map.of(RebuildMethod.BUILD_OR_PURCHASE, 200L, RebuildMethod.REPAIR, 100L, RebuildMethod.RENT, 50L),
            SupportCategory.MEDIUM_SCALE_HALF_COLLAPSE,
            Map.of(RebuildMethod.BUILD_OR_PURCHASE, 100L, RebuildMethod.REPAIR, 50L, RebuildMethod.RENT, 25L),
            SupportCategory.NOT_ELIGIBLE,
            Map.of(RebuildMethod.BUILD_OR_PURCHASE, 0L, RebuildMethod.REPAIR, 0L, RebuildMethod.RENT, 0L));

    private SupportPayment() {
    }

    /** 基礎支援金 of a household. */
    public static Yen basic(SupportCategory category, HouseholdSize size) {
        return forSize(Yen.ofManYen(BASIC_MAN_YEN.get(category)), size);
    }

    /** 加算支援金 of a household that rebuilds by one method. */
    public static Yen additional(SupportCategory category, RebuildMethod method, HouseholdSize size) {
        return forSize(Yen.ofManYen(ADDITIONAL_MAN_YEN.get(category).get(method)), size);
    }

    /**
     * The further 加算支援金 of a household that was paid for renting and now builds, buys or repairs:
     * the amount for the new method less the amount already paid for renting.
     */
    public static Yen additionalAfterRenting(SupportCategory category, RebuildMethod newMethod, HouseholdSize size) {
        if (newMethod == RebuildMethod.RENT) {
            throw DisasterMessages.refusal("E-DIS-0004");
        }
        return additional(category, newMethod, size).minus(additional(category, RebuildMethod.RENT, size));
    }

    /** The most a household can receive as 加算支援金 in total, however it rebuilds. */
    public static Yen additionalCap(SupportCategory category, HouseholdSize size) {
        return additional(category, RebuildMethod.BUILD_OR_PURCHASE, size);
    }

    private static Yen forSize(Yen amount, HouseholdSize size) {
        return size.isOnePerson() ? amount.threeQuarters() : amount;
    }
}
