package jp.jichitai.cloud.residents;

import java.util.List;

/** 異動の受付結果 (what a recorded change did): its 異動番号 and the records and households it appended to. */
public record ChangeReceipt(long changeId, ChangeKind kind, List<AtenaNumber> residents, List<HouseholdNumber> households) {

    public ChangeReceipt {
        residents = List.copyOf(residents);
        households = List.copyOf(households);
    }
}
