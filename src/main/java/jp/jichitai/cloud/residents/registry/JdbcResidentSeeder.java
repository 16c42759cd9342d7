package jp.jichitai.cloud.residents.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import jp.jichitai.cloud.residents.HistoryEntry;
import jp.jichitai.cloud.residents.Resident;
import jp.jichitai.cloud.residents.ResidentHistory;
import jp.jichitai.cloud.residents.ResidentSeeder;

/** Bulk loading with JDBC batches: snapshots, changes, projections, households and search keys. */
@Component
class JdbcResidentSeeder implements ResidentSeeder {

    private static final int BATCH = 500;

    private final RegistryStore store;
    private final JdbcTemplate template;
    private final JdbcClient jdbc;

    JdbcResidentSeeder(RegistryStore store, JdbcTemplate template, JdbcClient jdbc) {
        this.store = store;
        this.template = template;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean hasResidents() {
        return jdbc.sql("SELECT COUNT(*) FROM resident_current WHERE tenant_id = ?").param(RegistryStore.tenant())
                .query(Long.class).single() > 0;
    }

    @Override
    @Transactional
    public int load(List<SeedHousehold> households) {
        String tenant = RegistryStore.tenant();
        int entryCount = households.stream().flatMap(household -> household.members().stream())
                .mapToInt(history -> history.entries().size()).sum();
        long changeId = store.reserve(RegistryStore.CHANGE_COUNTER, entryCount);
        List<Object[]> changes = new ArrayList<>();
        List<Object[]> snapshots = new ArrayList<>();
        List<Object[]> current = new ArrayList<>();
        List<Object[]> householdRows = new ArrayList<>();
        List<Object[]> householdSnapshots = new ArrayList<>();
        Set<SearchKeyRows.Row> keys = new LinkedHashSet<>();
        long highestAtena = 0;
        long highestHousehold = 0;
        int residents = 0;
        for (SeedHousehold household : households) {
            List<Resident> members = new ArrayList<>();
            long lastChange = changeId;
            for (ResidentHistory history : household.members()) {
                residents++;
                for (HistoryEntry entry : history.entries()) {
                    LocalDate changedOn = entry.change().changedOn();
                    changes.add(new Object[] {tenant, changeId, entry.change().kind().name(), java.sql.Date.valueOf(changedOn),
                            entry.change().notifiedOn().map(java.sql.Date::valueOf).orElse(null),
                            changedOn.atTime(9, 0).atOffset(java.time.ZoneOffset.ofHours(9)), "seed", null, null});
                    snapshots.add(store.snapshotValues(tenant, changeId, entry).toArray());
                    lastChange = changeId++;
                }
                Resident now = history.current();
                current.add(new Object[] {tenant, now.atenaNumber().value(), history.latest().historyNumber(),
                        now.householdNumber().value(), now.kind().name(), now.status().name(), now.name().name(),
                        now.name().kana(), RegistryStore.encode(now.birthDate()), now.sex().name(),
                        now.relationship().text(), now.address().text(), now.address().buildingLine()});
                keys.addAll(SearchKeyRows.of(history.entries().stream().map(HistoryEntry::snapshot).toList(), now));
                if (!now.isRemoved() && now.householdNumber().equals(household.number())) {
                    members.add(now);
                }
                highestAtena = Math.max(highestAtena, serialOf(now.atenaNumber().value(), now.atenaNumber().isIssuedForm()));
            }
            highestHousehold = Math.max(highestHousehold, serialOf(household.number().value(), household.number().isIssuedForm()));
            Resident any = household.members().get(0).current();
            String head = members.stream().filter(member -> member.relationship().isHouseholdHead()).findFirst()
                    .map(member -> member.atenaNumber().value()).orElse(null);
            householdRows.add(new Object[] {tenant, household.number().value(), 1, head, members.isEmpty()});
            householdSnapshots.add(new Object[] {tenant, household.number().value(), 1, lastChange, head,
                    String.join(",", members.stream().map(member -> member.atenaNumber().value() + ":" + member.relationship().text()).toList()),
                    any.address().text(), any.address().administrativeDistrict(), members.isEmpty()});
        }
        batch("INSERT INTO registry_change (tenant_id, change_id, change_kind, changed_on, notified_on, recorded_at, "
                + "recorded_by, cancels_change_id, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", changes);
        batch("INSERT INTO resident_snapshot (" + RegistryStore.SNAPSHOT_COLUMNS + ") VALUES ("
                + RegistryStore.placeholders(RegistryStore.SNAPSHOT_COLUMN_COUNT) + ")", snapshots);
        batch("INSERT INTO resident_current (tenant_id, atena_number, history_number, household_number, resident_kind, "
                + "status, name, kana, birth_date, sex, relationship, address, building_line) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", current);
        batch("INSERT INTO household_current (tenant_id, household_number, history_number, head_atena_number, dissolved) "
                + "VALUES (?, ?, ?, ?, ?)", householdRows);
        batch("INSERT INTO household_snapshot (tenant_id, household_number, history_number, change_id, head_atena_number, "
                + "members, address, district_code, dissolved) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", householdSnapshots);
        List<SearchKeyRows.Row> keyList = new ArrayList<>(keys);
        for (int from = 0; from < keyList.size(); from += BATCH * 4) {
            store.insertSearchKeys(tenant, keyList.subList(from, Math.min(keyList.size(), from + BATCH * 4)));
        }
        store.raiseCounter(RegistryStore.ATENA_COUNTER, highestAtena);
        store.raiseCounter(RegistryStore.HOUSEHOLD_COUNTER, highestHousehold);
        return residents;
    }

    /** The serial of an issued number (its digits without the check digit); migrated numbers as they are. */
    private static long serialOf(String digits, boolean issued) {
        String serial = issued && digits.length() > 1 ? digits.substring(0, digits.length() - 1) : digits;
        return Long.parseLong(serial);
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            template.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }
}
