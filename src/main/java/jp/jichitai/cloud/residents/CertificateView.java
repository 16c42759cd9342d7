package jp.jichitai.cloud.residents;

import java.util.List;
import java.util.Optional;

/**
 * 証明書に載せる内容 (what a 住民票の写し or 除票の写し prints): the household, its head's name when asked for, and each
 * chosen member's current (or, for a 除票, last) snapshot with the items not asked for already removed, so that a
 * certificate engine can print exactly what it receives.
 */
public record CertificateView(HouseholdNumber householdNumber, Optional<PersonName> headName, List<Member> members,
        CertificateOptions options, boolean removedRecords) {

    public CertificateView {
        members = List.copyOf(members);
    }

    /** One printed person: the snapshot (items filtered by the options) and the history lines to print. */
    public record Member(Resident snapshot, List<ResidentRecord.Entry> history) {
    }
}
