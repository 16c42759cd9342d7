package jp.jichitai.cloud.disaster;

import java.time.LocalDate;

/**
 * 支給区分 (category of a household for 被災者生活再建支援金), from the damage level of its dwelling and
 * its circumstance. 半壊 and below are not eligible unless the dwelling was demolished or the area is
 * under long-term evacuation, which count as 全壊.
 */
public enum SupportCategory {

    TOTAL_COLLAPSE_OR_EQUIVALENT("全壊・解体・長期避難"),
    LARGE_SCALE_HALF_COLLAPSE("大規模半壊"),
    MEDIUM_SCALE_HALF_COLLAPSE("中規模半壊"),
    NOT_ELIGIBLE("支給対象外");

    private final String japaneseName;

    SupportCategory(String japaneseName) {
        this.japaneseName = japaneseName;
    }

    /** 中規模半壊 was added to the law by the 2020 amendment, for disasters from this day on. */
    public static final LocalDate MEDIUM_SCALE_HALF_COLLAPSE_FROM = LocalDate.of(2020, 7, 3);

    /** The category of a household of a disaster of that date: 中規模半壊 earns nothing before 2020-07-03. */
    public static SupportCategory of(DamageLevel level, HouseholdCircumstance circumstance, LocalDate disasterDate) {
        SupportCategory category = of(level, circumstance);
        if (category == MEDIUM_SCALE_HALF_COLLAPSE && disasterDate.isBefore(MEDIUM_SCALE_HALF_COLLAPSE_FROM)) {
            return NOT_ELIGIBLE;
        }
        return category;
    }

    /** The category under the law as it stands (disasters from 2020-07-03). */
    public static SupportCategory of(DamageLevel level, HouseholdCircumstance circumstance) {
        if (circumstance.countsAsTotalCollapse()) {
            return TOTAL_COLLAPSE_OR_EQUIVALENT;
        }
        return switch (level) {
            case TOTAL_COLLAPSE -> TOTAL_COLLAPSE_OR_EQUIVALENT;
            case LARGE_SCALE_HALF_COLLAPSE -> LARGE_SCALE_HALF_COLLAPSE;
            case MEDIUM_SCALE_HALF_COLLAPSE -> MEDIUM_SCALE_HALF_COLLAPSE;
            case HALF_COLLAPSE, SEMI_HALF_COLLAPSE, BELOW_SEMI_HALF_COLLAPSE -> NOT_ELIGIBLE;
        };
    }

    public String japaneseName() {
        return japaneseName;
    }
}
