package jp.jichitai.cloud.residents;

import java.util.EnumSet;
import java.util.Set;

/** 異動事由 (kind of change) with its {@link ChangeCategory}. */
public enum ChangeKind {
    DOMESTIC_MOVE_IN("国内転入", ChangeCategory.ENTRY),
    MOVE_IN_FROM_ABROAD("国外転入", ChangeCategory.ENTRY),
    BIRTH("出生", ChangeCategory.ENTRY),
    EX_OFFICIO_ENTRY("職権記載", ChangeCategory.ENTRY),
    DOMESTIC_MOVE_OUT("国内転出", ChangeCategory.REMOVAL),
    MOVE_OUT_ABROAD("国外転出", ChangeCategory.REMOVAL),
    DEATH("死亡", ChangeCategory.REMOVAL),
    EX_OFFICIO_REMOVAL("職権消除", ChangeCategory.REMOVAL),
    MOVE_WITHIN_MUNICIPALITY("転居", ChangeCategory.CORRECTION),
    HOUSEHOLD_SEPARATION("世帯分離", ChangeCategory.CORRECTION),
    HOUSEHOLD_MERGER("世帯合併", ChangeCategory.CORRECTION),
    HOUSEHOLD_CHANGE("世帯変更", ChangeCategory.CORRECTION),
    HOUSEHOLD_HEAD_CHANGE("世帯主変更", ChangeCategory.CORRECTION),
    EX_OFFICIO_CORRECTION("職権修正", ChangeCategory.CORRECTION),
    CLERICAL_ERROR_CORRECTION("誤記修正", ChangeCategory.CORRECTION),
    FORMER_SURNAME_ENTRY("旧氏記載", ChangeCategory.CORRECTION),
    FORMER_SURNAME_CHANGE("旧氏変更", ChangeCategory.CORRECTION),
    FORMER_SURNAME_DELETION("旧氏削除", ChangeCategory.CORRECTION),
    COMMON_NAME_ENTRY("通称記載", ChangeCategory.CORRECTION),
    COMMON_NAME_CHANGE("通称変更", ChangeCategory.CORRECTION),
    COMMON_NAME_DELETION("通称削除", ChangeCategory.CORRECTION),
    CANCELLATION("異動の取消し", ChangeCategory.CANCELLATION);

    private final String japanese;
    private final ChangeCategory category;

    ChangeKind(String japanese, ChangeCategory category) {
        this.japanese = japanese;
        this.category = category;
    }

    public String japanese() {
        return japanese;
    }

    public ChangeCategory category() {
        return category;
    }

    /** Moves out, whose 異動日 is the planned day (転出予定日) and may lie in the future. */
    public boolean isMoveOut() {
        return this == DOMESTIC_MOVE_OUT || this == MOVE_OUT_ABROAD;
    }

    /** Changes that a 除票 may still receive: corrections of the record itself, a new entry, or a cancellation. */
    public boolean isAllowedOnRemovedRecord() {
        return category == ChangeCategory.ENTRY || category == ChangeCategory.CANCELLATION
                || this == EX_OFFICIO_CORRECTION || this == CLERICAL_ERROR_CORRECTION;
    }

    /** The statuses a snapshot may have after this change, given the status before it. */
    public Set<ResidentStatus> allowedStatusesAfter(ResidentStatus before) {
        return switch (this) {
            case DOMESTIC_MOVE_OUT, MOVE_OUT_ABROAD -> EnumSet.of(ResidentStatus.MOVED_OUT);
            case DEATH -> EnumSet.of(ResidentStatus.DECEASED);
            case EX_OFFICIO_REMOVAL -> EnumSet.of(ResidentStatus.REMOVED_EX_OFFICIO, ResidentStatus.OTHER_REMOVAL);
            case CANCELLATION -> EnumSet.allOf(ResidentStatus.class);
            default -> category == ChangeCategory.ENTRY ? EnumSet.of(ResidentStatus.RESIDENT) : EnumSet.of(before);
        };
    }
}
