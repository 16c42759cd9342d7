package jp.jichitai.cloud.residents;

/**
 * 検索結果の1行 (one row of the person search): the current record's items a clerk needs to pick the person.
 * {@code birthDate} is the text as recorded (和暦 for Japanese, 西暦 for foreign residents).
 */
public record ResidentSummary(AtenaNumber atenaNumber, HouseholdNumber householdNumber, String name, String kana,
        String birthDate, ResidentStatus status, ResidentKind kind, String relationship, String address, Match match) {

    /** How the row matched: exactly as typed, after folding (異体字, kana), or by the start of a name. */
    public enum Match {
        EXACT, FOLDED, PREFIX
    }

    public boolean isRemoved() {
        return status.isRemoved();
    }
}
