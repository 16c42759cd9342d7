package jp.jichitai.cloud.residents;

import java.util.List;

/**
 * 住民データの一括投入 (bulk loader) for synthetic or migrated populations: writes whole histories as they are, in
 * batches, for the tenant bound to the current thread, bypassing the per-change rules (a migrated history is what it
 * is). Afterwards the tenant's numbering continues after the highest 宛名番号 and 世帯番号 loaded.
 */
public interface ResidentSeeder {

    /** Loads households; returns the number of residents written. */
    int load(List<SeedHousehold> households);

    /** Whether the current tenant already has residents. */
    boolean hasResidents();

    /** A household to load: its number and each member's history (every member's current snapshot in it). */
    record SeedHousehold(HouseholdNumber number, List<ResidentHistory> members) {
        public SeedHousehold {
            members = List.copyOf(members);
        }
    }
}
