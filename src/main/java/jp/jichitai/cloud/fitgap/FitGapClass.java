package jp.jichitai.cloud.fitgap;

import java.util.Arrays;

/**
 * 判定 (fit-gap classification) of one step of a standard procedure against a municipality's current
 * practice. The guideline prefers changing the practice over customising the package, so the
 * constants are listed in that order of preference.
 */
public enum FitGapClass {

    /** 導入可: the standard fits the current practice as it is. */
    FITS("導入可", false),
    /** 事務変更: the municipality changes its practice to the standard. */
    CHANGE_PRACTICE("事務変更", true),
    /** 仕様変更: the system is changed for the municipality. */
    CHANGE_SYSTEM("仕様変更", true),
    /** 双方変更: both the practice and the system change. */
    CHANGE_BOTH("双方変更", true),
    /** 導入しない: the municipality does not adopt this step. */
    DO_NOT_ADOPT("導入しない", false);

    private final String japaneseName;
    private final boolean requiresAction;

    FitGapClass(String japaneseName, boolean requiresAction) {
        this.japaneseName = japaneseName;
        this.requiresAction = requiresAction;
    }

    public String japaneseName() {
        return japaneseName;
    }

    /** Whether a countermeasure with an owner and a due date is needed before the step is done. */
    public boolean requiresAction() {
        return requiresAction;
    }

    public static FitGapClass ofJapaneseName(String japaneseName) {
        return Arrays.stream(values())
                .filter(value -> value.japaneseName.equals(japaneseName == null ? null : japaneseName.strip()))
                .findFirst()
                .orElseThrow(() -> FitGapMessages.refusal("E-FIT-0003", String.valueOf(japaneseName)));
    }
}
