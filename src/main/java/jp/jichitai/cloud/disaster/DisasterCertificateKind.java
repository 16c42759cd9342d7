package jp.jichitai.cloud.disaster;

/**
 * 被災関連証明書の種類 (kind of disaster-related certificate).
 *
 * <p>A 罹災証明書 (damage certificate) is issued for a dwelling under 災害対策基本法 90条の2 and states
 * its {@link DamageLevel}. A 被災届出証明書 (certificate of a damage report) only proves that damage to
 * something other than a dwelling (a shed, a car, household goods) was reported; it states no level.
 */
public enum DisasterCertificateKind {

    DAMAGE_CERTIFICATE("罹災証明書", true),
    DAMAGE_REPORT_CERTIFICATE("被災届出証明書", false);

    private final String japaneseName;
    private final boolean statesDamageLevel;

    DisasterCertificateKind(String japaneseName, boolean statesDamageLevel) {
        this.japaneseName = japaneseName;
        this.statesDamageLevel = statesDamageLevel;
    }

    public String japaneseName() {
        return japaneseName;
    }

    /** Whether the certificate states a damage level (only for a surveyed dwelling). */
    public boolean statesDamageLevel() {
        return statesDamageLevel;
    }
}
