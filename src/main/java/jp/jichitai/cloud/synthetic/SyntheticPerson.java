package jp.jichitai.cloud.synthetic;

import java.util.List;

/**
 * A generated person: 宛名番号, the 住民基本台帳 history (snapshots by 履歴番号, the last is the current
 * state), income rows by 課税年度, and, for foreign residents registered before July 2012, the former alien
 * registration. {@code alternativeCodes} marks a person whose 髙/﨑 are written with the NEC-selected CP932
 * codes (EEE0, ED95) instead of the IBM ones (FBFC, FAB1).
 */
public record SyntheticPerson(String addressNumber, List<SyntheticRow> history, List<SyntheticRow> incomes,
        List<SyntheticRow> legacyRegistrations, boolean alternativeCodes) {

    public SyntheticPerson {
        history = List.copyOf(history);
        incomes = List.copyOf(incomes);
        legacyRegistrations = List.copyOf(legacyRegistrations);
    }

    public SyntheticRow current() {
        return history.get(history.size() - 1);
    }

    /** Whether the person lives in the municipality now (住民状態 1 in the newest snapshot). */
    public boolean isCurrentResident() {
        return "1".equals(current().value("住民状態"));
    }

    public boolean isForeign() {
        return "2".equals(current().value("住民種別"));
    }
}
