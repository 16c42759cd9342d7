package jp.jichitai.cloud.continuity;

/**
 * The sections of the 利用継続計画 (continuity plan), in the order and with the headings of the source
 * document's structure. The important systems of 1.(5) are also kept as a table ({@link ImportantSystem}).
 */
public enum PlanSection {
    PURPOSE("1. 本計画の趣旨・基本方針", "(1) 本計画の趣旨"),
    POLICY("1. 本計画の趣旨・基本方針", "(2) 基本方針"),
    ROLES("1. 本計画の趣旨・基本方針", "(3) 運用体制と役割"),
    DAMAGE_ASSUMPTIONS("1. 本計画の趣旨・基本方針", "(4) 被害想定"),
    IMPORTANT_SYSTEMS("1. 本計画の趣旨・基本方針", "(5) 重要システム"),
    EMERGENCY_ORGANISATION("2. 緊急時対応計画", "(1) 緊急時対応体制"),
    INITIAL_ACTIONS_OFFICE_HOURS("2. 緊急時対応計画", "(2) 緊急時における行動計画（業務時間内）"),
    INITIAL_ACTIONS_OUTSIDE_HOURS("2. 緊急時対応計画", "(2) 緊急時における行動計画（業務時間外）"),
    ALTERNATIVE_AND_RECOVERY("2. 緊急時対応計画", "(3) 代替・復旧の行動計画"),
    REFERENCE_DOCUMENTS("2. 緊急時対応計画", "(4) 参照文書リスト"),
    CONTACT_LIST("2. 緊急時対応計画", "(5) 緊急連絡リスト"),
    DAMAGE_CHECKLIST("2. 緊急時対応計画", "(6) 被害チェックリスト"),
    RESOURCES("3. リソースの現状（脆弱性）と代替の有無", ""),
    WEAKNESSES_AND_COUNTERMEASURES("4. 被害を受ける可能性と事前対策計画", "(1) 現状の脆弱性と対策の実施計画"),
    OPEN_PROBLEMS("4. 被害を受ける可能性と事前対策計画", "(2) 対策が未決定の問題点一覧");

    public static final int MAXIMUM_LENGTH = 20_000;

    private final String chapter;
    private final String heading;

    PlanSection(String chapter, String heading) {
        this.chapter = chapter;
        this.heading = heading;
    }

    public String chapter() {
        return chapter;
    }

    public String heading() {
        return heading;
    }

    /** The heading to show alone: the section's, or the chapter's where the chapter has no sections. */
    public String title() {
        return heading.isEmpty() ? chapter : heading;
    }
}
