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

    private final RegistryStore store;
    private final JdbcClient jdbc;
    private final RegistryRowSink sink;

    @org.springframework.beans.factory.annotation.Autowired
    JdbcResidentSeeder(RegistryStore store, JdbcTemplate template, JdbcClient jdbc) {
        this(store, jdbc, RegistryRowSink.batches(template));
    }

    JdbcResidentSeeder(RegistryStore store, JdbcClient jdbc, RegistryRowSink sink) {
        this.store = store;
        this.jdbc = jdbc;
        this.sink = sink;
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
                    changes.add(new Object[] {tenant, changeId, entry.change().kind().name(), changedOn,
                            entry.change().notifiedOn().orElse(null),
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
        sink.write(RegistryRowSink.Table.CHANGE, changes);
        sink.write(RegistryRowSink.Table.SNAPSHOT, snapshots);
        sink.write(RegistryRowSink.Table.CURRENT, current);
        sink.write(RegistryRowSink.Table.HOUSEHOLD, householdRows);
        sink.write(RegistryRowSink.Table.HOUSEHOLD_SNAPSHOT, householdSnapshots);
        sink.write(RegistryRowSink.Table.SEARCH_KEY, keys.stream().map(row -> new Object[] {tenant, row.kind(),
                row.removed(), row.keyValue(), row.exactValue(), row.sortKana(), row.atenaNumber()}).toList());
        store.raiseCounter(RegistryStore.ATENA_COUNTER, highestAtena);
        store.raiseCounter(RegistryStore.HOUSEHOLD_COUNTER, highestHousehold);
        return residents;
    }

    /** The serial of an issued number (its digits without the check digit); migrated numbers as they are. */
    private static long serialOf(String digits, boolean issued) {
        String serial = issued && digits.length() > 1 ? digits.substring(0, digits.length() - 1) : digits;
        return Long.parseLong(serial);
    }

    /** Moves rows a staging sink holds into the registry's tables (a no-op for the service's batches). */
    void finish() {
        sink.finish();
    }

    /** See {@link RegistryRowSink#replaceSearchKeysAtFinish()}. */
    boolean replaceSearchKeysAtFinish() {
        return sink.replaceSearchKeysAtFinish();
    }

    String timing() {
        return sink.timing();
    }
}
