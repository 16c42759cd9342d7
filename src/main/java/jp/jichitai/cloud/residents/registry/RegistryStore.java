package jp.jichitai.cloud.residents.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import jp.jichitai.cloud.residents.Address;
import jp.jichitai.cloud.residents.AdministrativeDistrict;
import jp.jichitai.cloud.residents.AtenaNumber;
import jp.jichitai.cloud.residents.Change;
import jp.jichitai.cloud.residents.ChangeKind;
import jp.jichitai.cloud.residents.Entitlements;
import jp.jichitai.cloud.residents.EraCalendar;
import jp.jichitai.cloud.residents.FamilyRegister;
import jp.jichitai.cloud.residents.ForeignResidentCategory;
import jp.jichitai.cloud.residents.ForeignResidentItems;
import jp.jichitai.cloud.residents.HistoryEntry;
import jp.jichitai.cloud.residents.HouseholdNumber;
import jp.jichitai.cloud.residents.IndividualNumber;
import jp.jichitai.cloud.residents.NationalPensionCategory;
import jp.jichitai.cloud.residents.PersonName;
import jp.jichitai.cloud.residents.PostalCode;
import jp.jichitai.cloud.residents.RecordedChange;
import jp.jichitai.cloud.residents.RecordedDate;
import jp.jichitai.cloud.residents.Relationship;
import jp.jichitai.cloud.residents.ResidenceCardNumber;
import jp.jichitai.cloud.residents.Resident;
import jp.jichitai.cloud.residents.ResidentKind;
import jp.jichitai.cloud.residents.ResidentRecordCode;
import jp.jichitai.cloud.residents.ResidentStatus;
import jp.jichitai.cloud.residents.Sex;
import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.shared.MessageId;
import jp.jichitai.cloud.shared.Messages;
import jp.jichitai.cloud.tenancy.TenantContext;

/**
 * Persistence of the registry: append-only snapshots of residents and households, the changes that made them,
 * the current-record projections, the search keys and the serial numbers. Every statement names the tenant.
 * Runs inside the caller's transaction (the service's).
 */
@Repository
class RegistryStore {

    static final String ATENA_COUNTER = "atena";
    static final String HOUSEHOLD_COUNTER = "household";
    static final String CHANGE_COUNTER = "change";
    static final String DISCLOSURE_COUNTER = "disclosure";
    private static final Messages MESSAGES = Messages.of("residents");

    static final String SNAPSHOT_COLUMNS = "tenant_id, atena_number, history_number, change_id, change_kind, changed_on, "
            + "notified_on, household_number, resident_kind, status, name, kana, former_surname, former_surname_kana, "
            + "common_name, common_name_kana, birth_date, sex, relationship, relationship_folded_from, "
            + "registered_domicile, family_register_head, postal_code, address, district_code, building_line, "
            + "previous_address, became_resident_on, address_settled_on, individual_number_cipher, resident_record_code, "
            + "on_electoral_roll, national_health_insurance, late_stage_elderly_care, long_term_care_insurance, "
            + "national_pension, child_allowance, nationality, alphabet_name, foreign_category, status_of_residence, "
            + "period_of_stay, period_expires_on, card_number, became_foreign_resident_on";
    static final int SNAPSHOT_COLUMN_COUNT = SNAPSHOT_COLUMNS.split(",").length;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final IndividualNumberCipher cipher;

    RegistryStore(JdbcClient jdbc, JdbcTemplate template, IndividualNumberCipher cipher) {
        this.jdbc = jdbc;
        this.template = template;
        this.cipher = cipher;
    }

    static String tenant() {
        return TenantContext.require().value();
    }

    // ---- changes against imports ------------------------------------------------------------------------------

    /**
     * Advisory lock class of a town's registry writers, the town's code being the object (six digits, an int). A
     * change of the registry holds it shared, a replacing import ({@link RegistryBulkWriter#excludeChanges()})
     * exclusively, each until its transaction ends. Without it, a 転入 committed after an import had deleted the
     * town's residents, but before it wrote the new ones, survived the replace while its search keys went with the
     * old ones. PostgreSQL only: the embedded H2 serves one process, and its imports run as tools beside no service.
     */
    static final int REGISTRY_WRITERS_LOCK = "residents registry writers".hashCode();

    private volatile Boolean postgres;

    /** Holds the town's registry against a replacing import until the transaction ends (waits for a running one). */
    void holdAgainstImports() {
        lockWriters("pg_advisory_xact_lock_shared");
    }

    /** The exclusive side of {@link #holdAgainstImports()}, for an import. */
    void excludeChanges() {
        lockWriters("pg_advisory_xact_lock");
    }

    private void lockWriters(String function) {
        if (postgres == null) {
            postgres = template.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>) connection ->
                    "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()));
        }
        if (postgres) {
            jdbc.sql("SELECT " + function + "(?, ?)").params(REGISTRY_WRITERS_LOCK, Integer.parseInt(tenant()))
                    .query(row -> {
                    });
        }
    }

    // ---- numbering -------------------------------------------------------------------------------------------

    /** The next serial of a counter, the counter row locked until the transaction ends. */
    long next(String counter) {
        return reserve(counter, 1);
    }

    /** Reserves {@code count} serials and returns the first. */
    long reserve(String counter, int count) {
        String tenant = tenant();
        Optional<Long> last = lockCounter(tenant, counter);
        if (last.isEmpty()) {
            try {
                jdbc.sql("INSERT INTO registry_counter (tenant_id, counter_name, last_value) VALUES (?, ?, 0)")
                        .params(tenant, counter).update();
            } catch (DuplicateKeyException createdMeanwhile) {
                // another transaction created the row first; lock theirs below
            }
            last = lockCounter(tenant, counter);
        }
        long first = last.orElseThrow() + 1;
        jdbc.sql("UPDATE registry_counter SET last_value = ? WHERE tenant_id = ? AND counter_name = ?")
                .params(first + count - 1, tenant, counter).update();
        return first;
    }

    private Optional<Long> lockCounter(String tenant, String counter) {
        return jdbc.sql("SELECT last_value FROM registry_counter WHERE tenant_id = ? AND counter_name = ? FOR UPDATE")
                .params(tenant, counter).query(Long.class).optional();
    }

    /** Makes sure the counter continues after {@code atLeast} (after a bulk load). */
    void raiseCounter(String counter, long atLeast) {
        long current = reserve(counter, 0) - 1;
        if (current < atLeast) {
            jdbc.sql("UPDATE registry_counter SET last_value = ? WHERE tenant_id = ? AND counter_name = ?")
                    .params(atLeast, tenant(), counter).update();
        }
    }

    // ---- 行政区 -----------------------------------------------------------------------------------------------

    /**
     * The 行政区 an address may name, by code: the town's 行政区 table ({@code district}, tenancy) and the 町名情報 the
     * town imported ({@code migrated_district}, migration). Both are read here, not only the first, because an
     * imported town's residents name the imported codes, which its 行政区 table need not hold, and {@code ./jc export}
     * writes the union into data_cyonei, so either kind of code exports a row that {@code ./jc import} accepts.
     * Where both hold a code, the town's table gives the name.
     */
    List<AdministrativeDistrict> districts() {
        String tenant = tenant();
        Map<String, String> names = new java.util.TreeMap<>();
        jdbc.sql("SELECT district_code, name FROM migrated_district WHERE tenant_id = ?").param(tenant)
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        jdbc.sql("SELECT district_code, name FROM district WHERE tenant_id = ?").param(tenant)
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names.entrySet().stream().map(entry -> new AdministrativeDistrict(entry.getKey(), entry.getValue())).toList();
    }

    // ---- changes ---------------------------------------------------------------------------------------------

    long insertChange(ChangeKind kind, LocalDate changedOn, Optional<LocalDate> notifiedOn, String recordedBy,
            Long cancelsChangeId, String note) {
        long id = next(CHANGE_COUNTER);
        jdbc.sql("""
                INSERT INTO registry_change (tenant_id, change_id, change_kind, changed_on, notified_on, recorded_at,
                                             recorded_by, cancels_change_id, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant(), id, kind.name(), Date.valueOf(changedOn), notifiedOn.map(Date::valueOf).orElse(null),
                        OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), recordedBy, cancelsChangeId,
                        note == null ? null : note.length() > 400 ? note.substring(0, 400) : note)
                .update();
        return id;
    }

    // ---- residents -------------------------------------------------------------------------------------------

    /** One stored snapshot with its change. */
    record StoredEntry(int historyNumber, long changeId, RecordedChange change, Resident snapshot,
            boolean individualNumberRecorded) {
        HistoryEntry toHistoryEntry() {
            return new HistoryEntry(historyNumber, new Change(change.kind(), change.changedOn(), change.notifiedOn()), snapshot);
        }
    }

    /** Every snapshot of a person, oldest first; 個人番号 decrypted only when asked for. */
    List<StoredEntry> entries(AtenaNumber atena, boolean withIndividualNumber) {
        String tenant = tenant();
        return jdbc.sql("SELECT s.*, c.changed_on AS c_changed_on, c.notified_on AS c_notified_on, c.recorded_at, "
                        + "c.recorded_by FROM resident_snapshot s JOIN registry_change c "
                        + "ON c.tenant_id = s.tenant_id AND c.change_id = s.change_id "
                        + "WHERE s.tenant_id = ? AND s.atena_number = ? ORDER BY s.history_number")
                .params(tenant, atena.value())
                .query((rs, row) -> storedEntry(rs, tenant, withIndividualNumber))
                .list();
    }

    private StoredEntry storedEntry(ResultSet rs, String tenant, boolean withIndividualNumber) throws SQLException {
        ChangeKind kind = ChangeKind.valueOf(rs.getString("change_kind"));
        // A change touching several people has one registry_change; each snapshot keeps its own kind, and a
        // household-head change made within a death carries the death's dates.
        Date notified = rs.getDate("c_notified_on");
        RecordedChange change = new RecordedChange(rs.getLong("change_id"), kind, rs.getDate("c_changed_on").toLocalDate(),
                Optional.ofNullable(notified).map(Date::toLocalDate),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"));
        return new StoredEntry(rs.getInt("history_number"), rs.getLong("change_id"), change,
                snapshot(rs, tenant, withIndividualNumber), rs.getString("individual_number_cipher") != null);
    }

    Optional<Integer> latestHistoryNumber(AtenaNumber atena) {
        return jdbc.sql("SELECT history_number FROM resident_current WHERE tenant_id = ? AND atena_number = ?")
                .params(tenant(), atena.value()).query(Integer.class).optional();
    }

    /** The current members (住民) of a household, by 宛名番号. */
    List<AtenaNumber> currentMembers(HouseholdNumber household) {
        return jdbc.sql("SELECT atena_number FROM resident_current WHERE tenant_id = ? AND household_number = ? "
                        + "AND status = 'RESIDENT' ORDER BY atena_number")
                .params(tenant(), household.value())
                .query((rs, row) -> AtenaNumber.migrated(rs.getString(1))).list();
    }

    /**
     * The current snapshots of everyone now recorded in the households of the given people (the people themselves
     * included), in one query, by 宛名番号; 個人番号 not decrypted.
     */
    List<Resident> currentHouseholdMembersOf(Collection<AtenaNumber> people) {
        String tenant = tenant();
        List<Object> params = new ArrayList<>();
        params.add(tenant);
        params.add(tenant);
        people.forEach(person -> params.add(person.value()));
        return jdbc.sql("SELECT s.* FROM resident_current c JOIN resident_snapshot s ON s.tenant_id = c.tenant_id "
                        + "AND s.atena_number = c.atena_number AND s.history_number = c.history_number "
                        + "WHERE c.tenant_id = ? AND c.household_number IN (SELECT m.household_number FROM resident_current m "
                        + "WHERE m.tenant_id = ? AND m.atena_number IN ("
                        + String.join(", ", Collections.nCopies(people.size(), "?")) + ")) ORDER BY c.atena_number")
                .params(params)
                .query((rs, row) -> snapshot(rs, tenant, false))
                .list();
    }

    /** Everyone whose record ever belonged to the household. */
    List<AtenaNumber> everMembers(HouseholdNumber household) {
        return jdbc.sql("SELECT DISTINCT atena_number FROM resident_snapshot WHERE tenant_id = ? AND household_number = ?")
                .params(tenant(), household.value())
                .query((rs, row) -> AtenaNumber.migrated(rs.getString(1))).list();
    }

    /** The residents whose snapshots a change wrote, with the 履歴番号 it gave them. */
    Map<AtenaNumber, Integer> residentsOfChange(long changeId) {
        Map<AtenaNumber, Integer> touched = new LinkedHashMap<>();
        jdbc.sql("SELECT atena_number, history_number FROM resident_snapshot WHERE tenant_id = ? AND change_id = ? "
                        + "ORDER BY atena_number")
                .params(tenant(), changeId)
                .query((rs, row) -> touched.put(AtenaNumber.migrated(rs.getString(1)), rs.getInt(2))).list();
        return touched;
    }

    /** Appends a snapshot; the current-record projection moves on only from {@code previousHistoryNumber}. */
    void appendResident(long changeId, HistoryEntry entry, int previousHistoryNumber) {
        String tenant = tenant();
        Resident snapshot = entry.snapshot();
        List<Object> values = snapshotValues(tenant, changeId, entry);
        try {
            jdbc.sql("INSERT INTO resident_snapshot (" + SNAPSHOT_COLUMNS + ") VALUES (" + placeholders(SNAPSHOT_COLUMN_COUNT) + ")")
                    .params(values).update();
        } catch (DuplicateKeyException concurrent) {
            throw conflict("E-RES-0061", snapshot.atenaNumber());
        }
        int updated;
        if (previousHistoryNumber == 0) {
            updated = jdbc.sql("""
                    INSERT INTO resident_current (tenant_id, atena_number, history_number, household_number, resident_kind,
                        status, name, kana, birth_date, sex, relationship, address, building_line)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(currentValues(tenant, entry.historyNumber(), snapshot)).update();
        } else {
            // history_number .. building_line, then the key and the history number it must move on from
            List<Object> params = new ArrayList<>(currentValues(tenant, entry.historyNumber(), snapshot).subList(2, 13));
            params.add(tenant);
            params.add(snapshot.atenaNumber().value());
            params.add(previousHistoryNumber);
            updated = jdbc.sql("""
                    UPDATE resident_current SET history_number = ?, household_number = ?, resident_kind = ?, status = ?,
                        name = ?, kana = ?, birth_date = ?, sex = ?, relationship = ?, address = ?, building_line = ?
                     WHERE tenant_id = ? AND atena_number = ? AND history_number = ?""")
                    .params(params).update();
        }
        if (updated != 1) {
            throw conflict("E-RES-0061", snapshot.atenaNumber());
        }
    }

    private static List<Object> currentValues(String tenant, int historyNumber, Resident snapshot) {
        return List.of(tenant, snapshot.atenaNumber().value(), historyNumber, snapshot.householdNumber().value(),
                snapshot.kind().name(), snapshot.status().name(), snapshot.name().name(), snapshot.name().kana(),
                encode(snapshot.birthDate()), snapshot.sex().name(), snapshot.relationship().text(),
                snapshot.address().text(), snapshot.address().buildingLine());
    }

    /** Rebuilds the search keys of a person from all of their snapshots. */
    void refreshSearchKeys(List<Resident> snapshots, Resident current) {
        String tenant = tenant();
        jdbc.sql("DELETE FROM resident_search_key WHERE tenant_id = ? AND atena_number = ?")
                .params(tenant, current.atenaNumber().value()).update();
        insertSearchKeys(tenant, SearchKeyRows.of(snapshots, current));
    }

    void insertSearchKeys(String tenant, Collection<SearchKeyRows.Row> rows) {
        List<Object[]> batch = rows.stream().map(row -> new Object[] {tenant, row.kind(), row.removed(), row.keyValue(),
                row.exactValue(), row.sortKana(), row.atenaNumber()}).toList();
        template.batchUpdate("INSERT INTO resident_search_key (tenant_id, key_kind, removed, key_value, exact_value, "
                + "sort_kana, atena_number) VALUES (?, ?, ?, ?, ?, ?, ?)", batch);
    }

    Optional<String> latestIndividualNumberCipher(AtenaNumber atena) {
        return jdbc.sql("SELECT s.individual_number_cipher FROM resident_snapshot s JOIN resident_current c "
                        + "ON c.tenant_id = s.tenant_id AND c.atena_number = s.atena_number AND c.history_number = s.history_number "
                        + "WHERE s.tenant_id = ? AND s.atena_number = ?")
                .params(tenant(), atena.value())
                .query((rs, row) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(value -> value);
    }

    IndividualNumber decrypt(String stored, AtenaNumber atena) {
        return cipher.decrypt(stored, tenant(), atena.value());
    }

    void recordDisclosure(AtenaNumber atena, String shownTo, String purpose) {
        long id = next(DISCLOSURE_COUNTER);
        jdbc.sql("INSERT INTO individual_number_disclosure (tenant_id, disclosure_id, atena_number, shown_to, shown_at, purpose) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(tenant(), id, atena.value(), shownTo, OffsetDateTime.now(ZoneOffset.UTC), purpose).update();
    }

    int disclosures(AtenaNumber atena) {
        return jdbc.sql("SELECT COUNT(*) FROM individual_number_disclosure WHERE tenant_id = ? AND atena_number = ?")
                .params(tenant(), atena.value()).query(Integer.class).single();
    }

    // ---- households ------------------------------------------------------------------------------------------

    /** A household's latest state. */
    record HouseholdState(HouseholdNumber number, int historyNumber, Optional<AtenaNumber> head, boolean dissolved) {
    }

    Optional<HouseholdState> household(HouseholdNumber number) {
        return jdbc.sql("SELECT history_number, head_atena_number, dissolved FROM household_current "
                        + "WHERE tenant_id = ? AND household_number = ?")
                .params(tenant(), number.value())
                .query((rs, row) -> new HouseholdState(number, rs.getInt(1),
                        Optional.ofNullable(rs.getString(2)).map(AtenaNumber::migrated), rs.getBoolean(3)))
                .optional();
    }

    /**
     * Appends a household snapshot. The household moves on only from {@code previousHistoryNumber} (0: a new
     * household): a second writer who read the same state finds no row to move and gets the conflict message.
     */
    void appendHousehold(long changeId, HouseholdNumber number, int previousHistoryNumber, List<Resident> members,
            Address address) {
        String tenant = tenant();
        int next = previousHistoryNumber + 1;
        Optional<Resident> head = members.stream().filter(member -> member.relationship().isHouseholdHead()).findFirst();
        String headNumber = head.map(member -> member.atenaNumber().value()).orElse(null);
        boolean dissolved = members.isEmpty();
        try {
            int updated;
            if (previousHistoryNumber == 0) {
                updated = jdbc.sql("INSERT INTO household_current (tenant_id, household_number, history_number, "
                                + "head_atena_number, dissolved) VALUES (?, ?, ?, ?, ?)")
                        .params(tenant, number.value(), next, headNumber, dissolved).update();
            } else {
                updated = jdbc.sql("UPDATE household_current SET history_number = ?, head_atena_number = ?, dissolved = ? "
                                + "WHERE tenant_id = ? AND household_number = ? AND history_number = ?")
                        .params(next, headNumber, dissolved, tenant, number.value(), previousHistoryNumber).update();
            }
            if (updated != 1) {
                throw conflict("E-RES-0060", number);
            }
            String memberList = String.join(",", members.stream()
                    .map(member -> member.atenaNumber().value() + ":" + member.relationship().text()).toList());
            jdbc.sql("INSERT INTO household_snapshot (tenant_id, household_number, history_number, change_id, "
                            + "head_atena_number, members, address, district_code, dissolved) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(tenant, number.value(), next, changeId, headNumber,
                            memberList.length() > 4000 ? memberList.substring(0, 4000) : memberList, address.text(),
                            address.administrativeDistrict(), dissolved)
                    .update();
        } catch (DuplicateKeyException concurrent) {
            throw conflict("E-RES-0060", number);
        }
    }

    /** One step of a household's timeline. */
    record HouseholdStep(int historyNumber, RecordedChange change, List<String> names) {
    }

    List<HouseholdStep> householdTimeline(HouseholdNumber number) {
        String tenant = tenant();
        Map<Long, List<String>> names = new LinkedHashMap<>();
        jdbc.sql("SELECT change_id, name FROM resident_snapshot WHERE tenant_id = ? AND change_id IN "
                        + "(SELECT change_id FROM household_snapshot WHERE tenant_id = ? AND household_number = ?) "
                        + "ORDER BY change_id, atena_number")
                .params(tenant, tenant, number.value())
                .query((rs, row) -> names.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return jdbc.sql("SELECT h.history_number, c.change_id, c.change_kind, c.changed_on, c.notified_on, c.recorded_at, "
                        + "c.recorded_by FROM household_snapshot h JOIN registry_change c "
                        + "ON c.tenant_id = h.tenant_id AND c.change_id = h.change_id "
                        + "WHERE h.tenant_id = ? AND h.household_number = ? ORDER BY h.history_number DESC")
                .params(tenant, number.value())
                .query((rs, row) -> new HouseholdStep(rs.getInt(1), new RecordedChange(rs.getLong(2),
                        ChangeKind.valueOf(rs.getString(3)), rs.getDate(4).toLocalDate(),
                        Optional.ofNullable(rs.getDate(5)).map(Date::toLocalDate),
                        rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7)),
                        names.getOrDefault(rs.getLong(2), List.of())))
                .list();
    }

    // ---- mapping ---------------------------------------------------------------------------------------------

    List<Object> snapshotValues(String tenant, long changeId, HistoryEntry entry) {
        Resident s = entry.snapshot();
        List<Object> values = new ArrayList<>(SNAPSHOT_COLUMN_COUNT);
        values.add(tenant);
        values.add(s.atenaNumber().value());
        values.add(entry.historyNumber());
        values.add(changeId);
        values.add(entry.change().kind().name());
        values.add(s.changedOn());
        values.add(s.notifiedOn().orElse(null));
        values.add(s.householdNumber().value());
        values.add(s.kind().name());
        values.add(s.status().name());
        values.add(s.name().name());
        values.add(s.name().kana());
        values.add(s.formerSurname().map(PersonName::name).orElse(null));
        values.add(s.formerSurname().map(PersonName::kana).orElse(null));
        values.add(s.commonName().map(PersonName::name).orElse(null));
        values.add(s.commonName().map(PersonName::kana).orElse(null));
        values.add(encode(s.birthDate()));
        values.add(s.sex().name());
        values.add(s.relationship().text());
        values.add(s.relationship().foldedFrom().orElse(null));
        values.add(s.familyRegister().map(FamilyRegister::registeredDomicile).orElse(null));
        values.add(s.familyRegister().map(FamilyRegister::headOfFamilyRegister).orElse(null));
        values.add(s.address().postalCode().digits());
        values.add(s.address().text());
        values.add(s.address().administrativeDistrict());
        values.add(s.address().buildingLine());
        values.add(s.previousAddress().orElse(null));
        values.add(encode(s.becameResidentOn()));
        values.add(encode(s.addressSettledOn()));
        values.add(s.individualNumber().map(number -> cipher.encrypt(number, tenant, s.atenaNumber().value())).orElse(null));
        values.add(s.residentRecordCode().map(ResidentRecordCode::value).orElse(null));
        Entitlements e = s.entitlements();
        values.add(e.onElectoralRoll());
        values.add(e.nationalHealthInsurance());
        values.add(e.lateStageElderlyMedicalCare());
        values.add(e.longTermCareInsurance());
        values.add(e.nationalPension().name());
        values.add(e.childAllowance());
        Optional<ForeignResidentItems> f = s.foreignItems();
        values.add(f.map(ForeignResidentItems::nationalityOrRegion).orElse(null));
        values.add(f.map(ForeignResidentItems::alphabetName).orElse(null));
        values.add(f.map(items -> items.category().name()).orElse(null));
        values.add(f.flatMap(ForeignResidentItems::statusOfResidence).orElse(null));
        values.add(f.flatMap(ForeignResidentItems::periodOfStay).orElse(null));
        values.add(f.flatMap(ForeignResidentItems::periodOfStayExpiresOn).map(RegistryStore::encode).orElse(null));
        values.add(f.flatMap(ForeignResidentItems::cardNumber).map(ResidenceCardNumber::value).orElse(null));
        values.add(f.map(items -> encode(items.becameForeignResidentOn())).orElse(null));
        return values;
    }

    Resident snapshot(ResultSet rs, String tenant, boolean withIndividualNumber) throws SQLException {
        String atena = rs.getString("atena_number");
        ResidentKind kind = ResidentKind.valueOf(rs.getString("resident_kind"));
        Optional<ForeignResidentItems> foreign = Optional.empty();
        if (kind == ResidentKind.FOREIGN) {
            foreign = Optional.of(new ForeignResidentItems(rs.getString("nationality"), rs.getString("alphabet_name"),
                    ForeignResidentCategory.valueOf(rs.getString("foreign_category")),
                    Optional.ofNullable(rs.getString("status_of_residence")),
                    Optional.ofNullable(rs.getString("period_of_stay")),
                    Optional.ofNullable(rs.getString("period_expires_on")).map(RegistryStore::decode),
                    Optional.ofNullable(rs.getString("card_number")).map(ResidenceCardNumber::new),
                    decode(rs.getString("became_foreign_resident_on"))));
        }
        String cipherText = rs.getString("individual_number_cipher");
        Date notified = rs.getDate("notified_on");
        return Resident.builder()
                .atenaNumber(AtenaNumber.migrated(atena))
                .householdNumber(HouseholdNumber.migrated(rs.getString("household_number")))
                .kind(kind)
                .status(ResidentStatus.valueOf(rs.getString("status")))
                .name(PersonName.of(rs.getString("name"), rs.getString("kana")))
                .formerSurname(optionalName(rs.getString("former_surname"), rs.getString("former_surname_kana")))
                .commonName(optionalName(rs.getString("common_name"), rs.getString("common_name_kana")))
                .birthDate(decode(rs.getString("birth_date")))
                .sex(Sex.valueOf(rs.getString("sex")))
                .relationship(relationship(rs.getString("relationship"), rs.getString("relationship_folded_from")))
                .familyRegister(rs.getString("registered_domicile") == null ? Optional.empty()
                        : Optional.of(new FamilyRegister(rs.getString("registered_domicile"),
                                String.valueOf(rs.getString("family_register_head")))))
                .address(new Address(new PostalCode(rs.getString("postal_code")), rs.getString("address"),
                        rs.getString("district_code"), rs.getString("building_line")))
                .previousAddress(Optional.ofNullable(rs.getString("previous_address")))
                .becameResidentOn(decode(rs.getString("became_resident_on")))
                .addressSettledOn(decode(rs.getString("address_settled_on")))
                .notifiedOn(Optional.ofNullable(notified).map(Date::toLocalDate))
                .changedOn(rs.getDate("changed_on").toLocalDate())
                .individualNumber(withIndividualNumber && cipherText != null
                        ? Optional.of(cipher.decrypt(cipherText, tenant, atena)) : Optional.empty())
                .residentRecordCode(Optional.ofNullable(rs.getString("resident_record_code")).map(ResidentRecordCode::of))
                .entitlements(new Entitlements(rs.getBoolean("on_electoral_roll"), rs.getBoolean("national_health_insurance"),
                        rs.getBoolean("late_stage_elderly_care"), rs.getBoolean("long_term_care_insurance"),
                        NationalPensionCategory.valueOf(rs.getString("national_pension")), rs.getBoolean("child_allowance")))
                .foreignItems(foreign)
                .build();
    }

    private static Optional<PersonName> optionalName(String name, String kana) {
        return name == null ? Optional.empty() : Optional.of(PersonName.of(name, kana == null ? "" : kana));
    }

    static Relationship relationship(String text, String foldedFrom) {
        if (foldedFrom != null) {
            List<Relationship.Link> links = new ArrayList<>();
            for (String piece : foldedFrom.split("の")) {
                for (Relationship.Link link : Relationship.Link.values()) {
                    if (link.text().equals(piece)) {
                        links.add(link);
                    }
                }
            }
            return Relationship.chain(links);
        }
        return Relationship.parse(text);
    }

    /** A date as recorded: YYYYMMDD and, when it was written in 和暦, @ and the era's name. */
    static String encode(RecordedDate date) {
        return date.toStandardCsv() + date.recordedEra().map(era -> "@" + era.name()).orElse("");
    }

    static RecordedDate decode(String stored) {
        int at = stored.indexOf('@');
        RecordedDate date = RecordedDate.fromStandardCsv(at < 0 ? stored : stored.substring(0, at));
        if (at < 0 || date.isUnknown()) {
            return date;
        }
        EraCalendar calendar = EraCalendar.standard();
        var era = calendar.byName(stored.substring(at + 1)).orElseThrow();
        return RecordedDate.ofEra(era, era.eraYearOf(date.year().getAsInt()), date.month().orElse(0),
                date.day().orElse(0), calendar);
    }

    static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    static BusinessException conflict(String id, Object subject) {
        return MESSAGES.refusal(MessageId.of(id), String.valueOf(subject));
    }

    static Set<String> snapshotColumnSet() {
        return Set.of(SNAPSHOT_COLUMNS.split(",\\s*"));
    }

    static Instant now() {
        return Instant.now();
    }
}
