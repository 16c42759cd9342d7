package jp.jichitai.cloud.residents;

import java.util.List;

/**
 * 個人の住民票と履歴 (a person's record with its history, newest last) as shown to a clerk. The 個人番号 is never in
 * these snapshots: {@code individualNumberRecorded} tells whether one is recorded; it is shown only on explicit
 * request ({@link Residents#showIndividualNumber}).
 */
public record ResidentRecord(Resident current, int historyNumber, boolean individualNumberRecorded, List<Entry> history) {

    public ResidentRecord {
        history = List.copyOf(history);
    }

    /** One 履歴: its number, the change that made it and the snapshot. */
    public record Entry(int historyNumber, RecordedChange change, Resident snapshot) {
    }

    /** The birth date as it is shown: 和暦 for a Japanese resident, 西暦 for a foreign resident. */
    public static String birthDateText(Resident resident) {
        return resident.kind() == ResidentKind.FOREIGN ? resident.birthDate().toGregorianText()
                : resident.birthDate().toJapaneseEraText();
    }
}
