package jp.jichitai.cloud.residents;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * 住民記録 (the resident registry as a service) for the tenant bound to the current thread. Every read of personal
 * data and every change is written to the アクセスログ; search terms included.
 */
public interface Residents {

    /** The standard person search (標準仕様書 §2.1.2): kana, kanji, a date, a 宛名番号/世帯番号 or an address; first 50. */
    List<ResidentSummary> search(String query);

    /** A person's record with its whole history; empty for an unknown number or another town's. */
    Optional<ResidentRecord> find(AtenaNumber atenaNumber);

    /** A household with its members and timeline; empty for an unknown number or another town's. */
    Optional<HouseholdView> household(HouseholdNumber householdNumber);

    /**
     * The current records of the given people and of the other current members of their households, read at once
     * (for screens that show many people with their households, e.g. the disaster counter's search). People removed
     * from the registry, unknown numbers and other towns' numbers are left out; the order is by 宛名番号. Recorded as
     * one access to all the people returned.
     */
    List<Resident> currentHouseholdsOf(Collection<AtenaNumber> people);

    /**
     * The 行政区 an address recorded by a 異動 may name, by code: the town's 行政区 table and, for a town that imported
     * its 町名情報 (data_cyonei), the imported ones too, since the export writes both and the import accepts both.
     */
    List<AdministrativeDistrict> districts();

    /** Records one 異動 in one transaction: every snapshot it produces, or none. */
    ChangeReceipt record(ChangeRequest request);

    /** Shows a person's 個人番号 (団体管理者 and 窓口職員 only); each display is recorded. */
    Optional<IndividualNumber> showIndividualNumber(AtenaNumber atenaNumber, String purpose);

    /**
     * What a 住民票の写し (or 除票の写し) of {@code atenaNumber}'s household prints: {@code members} chosen (empty list:
     * the whole household as of the chosen person's latest snapshot), items filtered by {@code options}.
     */
    CertificateView certificateView(AtenaNumber atenaNumber, List<AtenaNumber> members, CertificateOptions options);
}
