package jp.jichitai.cloud.certificates;

/** Why a character was not printed as given. */
public enum SubstitutionReason {
    /** A 外字 printed as the substitute from the tenant's 外字 table. */
    GAIJI_SUBSTITUTED,
    /** A 外字 that the tenant's table does not map: printed as 〓. */
    GAIJI_WITHOUT_SUBSTITUTE,
    /** A character that the embedded font has no glyph for: printed as 〓. */
    NOT_IN_FONT,
    /** A variation selector (IVS/SVS) that the renderer cannot apply: the base character is printed. */
    VARIATION_SELECTOR_DROPPED
}
