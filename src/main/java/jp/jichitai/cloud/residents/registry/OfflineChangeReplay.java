package jp.jichitai.cloud.residents.registry;

import java.sql.Connection;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.modulith.NamedInterface;

import jp.jichitai.cloud.residents.Address;
import jp.jichitai.cloud.residents.AtenaNumber;
import jp.jichitai.cloud.residents.ChangeKind;
import jp.jichitai.cloud.residents.ChangeReceipt;
import jp.jichitai.cloud.residents.ChangeRequest;
import jp.jichitai.cloud.residents.Entitlements;
import jp.jichitai.cloud.residents.FamilyRegister;
import jp.jichitai.cloud.residents.ForeignResidentCategory;
import jp.jichitai.cloud.residents.ForeignResidentItems;
import jp.jichitai.cloud.residents.HouseholdNumber;
import jp.jichitai.cloud.residents.IndividualNumber;
import jp.jichitai.cloud.residents.NationalPensionCategory;
import jp.jichitai.cloud.residents.NewResident;
import jp.jichitai.cloud.residents.PersonName;
import jp.jichitai.cloud.residents.PostalCode;
import jp.jichitai.cloud.residents.Relationship;
import jp.jichitai.cloud.residents.ResidenceCardNumber;
import jp.jichitai.cloud.residents.ResidentKind;
import jp.jichitai.cloud.residents.ResidentRecordCode;
import jp.jichitai.cloud.residents.Sex;
import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.TenantContext;

/**
 * 異動の再現 (replaying a 異動 recorded elsewhere): a 異動 made at an offline counter, read back from the rows the
 * laptop's registry wrote, is turned into the {@link ChangeRequest} the clerk made there and recorded again through
 * the registry's own use case ({@code RegistryService}) — the same rules as at a counter (続柄, one 世帯主 per
 * household, dates, the household's 履歴番号), new 履歴番号 and numbers issued by the centre. Runs on a plain JDBC
 * connection the caller owns (the merge's, schema owner), inside the caller's transaction; nothing here commits.
 *
 * <p>Only the kinds whose request can be read back from the rows without guessing are replayed: 転居, 出生, 死亡,
 * 職権消除, 転出 (国内・国外), 世帯主変更, 世帯分離, 世帯変更, and 転入 (国内・国外) and 職権記載 — a whole new person,
 * read from the one snapshot the laptop wrote, whose 個人番号 is read with the snapshot's key ({@link SnapshotKey})
 * and recorded under the centre's. The others (corrections, 旧氏・通称, 世帯合併 and 取消し) are reported as not
 * replayable, for a person to enter again.
 */
@NamedInterface("offline-replay")
public final class OfflineChangeReplay {

    private final TenantCode tenant;
    private final JdbcClient jdbc;
    private final RegistryService service;
    /** The key the laptop sealed its 個人番号 with; empty for a laptop prepared from a snapshot without one. */
    private final Optional<SnapshotKey> laptopKey;

    private OfflineChangeReplay(Connection connection, TenantCode tenant, IndividualNumberCipher cipher,
            Optional<SnapshotKey> laptopKey) {
        this.tenant = tenant;
        this.laptopKey = laptopKey;
        // suppressClose: the caller's connection; every statement runs in its (the merge's) transaction.
        JdbcTemplate template = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        this.jdbc = JdbcClient.create(template);
        RegistryStore store = new RegistryStore(jdbc, template, cipher);
        // no AuditLog: the caller audits each replayed change with the offline counter's actor and time
        this.service = new RegistryService(store, new ResidentSearch(jdbc), null);
    }

    /**
     * A replay for one tenant on the caller's connection, with the service's 個人番号 key ({@code key}) and the key
     * the laptop's 個人番号 are sealed with ({@code laptopKey}, the snapshot's).
     */
    public static OfflineChangeReplay onConnection(Connection connection, TenantCode tenant,
            RegistryBulkWriter.KeySource key, Optional<SnapshotKey> laptopKey) {
        return new OfflineChangeReplay(connection, tenant,
                IndividualNumberCipher.fromConfiguration(key.configuredBase64(), key.dataDirectory()), laptopKey);
    }

    /** The registry's tables a 異動 writes (all of them derived from the change, so replayed, never copied). */
    public static final Set<String> TABLES = Set.of("registry_change", "resident_snapshot", "household_snapshot",
            "resident_current", "household_current", "resident_search_key", "registry_counter");

    /**
     * One 異動 as the offline counter recorded it: its registry_change row and the resident_snapshot rows it wrote,
     * each as column name (lower case) → value.
     */
    @NamedInterface("offline-replay")
    public record RecordedOffline(Map<String, Object> change, List<Map<String, Object>> residentRows) {

        public long changeId() {
            return ((Number) change.get("change_id")).longValue();
        }

        public ChangeKind kind() {
            return ChangeKind.valueOf((String) change.get("change_kind"));
        }

        public String recordedBy() {
            return (String) change.get("recorded_by");
        }

        /** 宛名番号 of the people the change wrote, as numbered on the laptop. */
        public List<String> residents() {
            return residentRows.stream().map(row -> (String) row.get("atena_number")).distinct().toList();
        }

        /** 世帯番号 the people belonged to after the change, as numbered on the laptop. */
        public List<String> households() {
            return residentRows.stream().map(row -> (String) row.get("household_number")).distinct().toList();
        }
    }

    /** What the replay of one change did. */
    @NamedInterface("offline-replay")
    public sealed interface Outcome {
    }

    /** Prefix of a 宛名番号 in the maps of numbers (laptop's → centre's). */
    public static final String ATENA = "atena:";

    /** Prefix of a 世帯番号 in the maps of numbers (laptop's → centre's). */
    public static final String HOUSEHOLD = "household:";

    /**
     * Recorded at the centre as {@code receipt}; {@code newNumbers} maps numbers the laptop issued (a newborn's
     * 宛名番号, a separated household's 世帯番号), each prefixed {@link #ATENA} or {@link #HOUSEHOLD}, to the centre's.
     */
    @NamedInterface("offline-replay")
    public record Applied(ChangeReceipt receipt, Map<String, String> newNumbers) implements Outcome {
    }

    /** The registry's rules refused it: the rule's own message (id and Japanese text). */
    @NamedInterface("offline-replay")
    public record Refused(String messageId, String message) implements Outcome {
    }

    /** Not replayed automatically: a kind that never is, or a laptop 個人番号 without the key to read it. */
    @NamedInterface("offline-replay")
    public record NotReplayable(ChangeKind kind, Why why) implements Outcome {
    }

    /** Why a change is not replayed. */
    @NamedInterface("offline-replay")
    public enum Why {
        /** 職権修正・誤記修正, 旧氏・通称, 世帯合併, 取消し: never replayed, a person enters them again. */
        KIND,
        /**
         * A person entered on the laptop with a 個人番号 that the snapshot key in the changes file does not open (no
         * key: a laptop prepared from a snapshot without one).
         */
        NUMBER_UNREADABLE
    }

    /**
     * Replays one change. {@code numbers} maps numbers issued on the laptop by earlier changes (prefixed
     * {@link #ATENA} or {@link #HOUSEHOLD}) to the centre's
     * (people and households that existed in the snapshot keep their numbers). A refusal leaves nothing written
     * only if the caller rolls back to a savepoint taken before.
     */
    public Outcome replay(RecordedOffline offline, Map<String, String> numbers) {
        if (isMoveIn(offline.kind()) && !laptopNumberReadable(offline)) {
            return new NotReplayable(offline.kind(), Why.NUMBER_UNREADABLE);
        }
        Optional<ChangeRequest> request = requestOf(offline, numbers);
        if (request.isEmpty()) {
            return new NotReplayable(offline.kind(), Why.KIND);
        }
        ChangeReceipt receipt;
        try {
            receipt = TenantContext.callAs(tenant, () -> service.recordAs(request.get(), offline.recordedBy()));
        } catch (BusinessException refused) {
            return new Refused(refused.messageId().value(), refused.japaneseMessage());
        }
        Map<String, String> issued = new LinkedHashMap<>();
        List<String> laptopNew = newOnLaptop(offline, "history_number", "atena_number");
        List<String> centralNew = jdbc.sql("SELECT atena_number FROM resident_snapshot WHERE tenant_id = ? AND change_id = ?"
                + " AND history_number = 1 ORDER BY atena_number").params(tenant.value(), receipt.changeId())
                .query(String.class).list();
        pair(ATENA, laptopNew, centralNew, issued);
        List<String> laptopHouseholds = offline.kind() == ChangeKind.HOUSEHOLD_SEPARATION
                || request.get() instanceof ChangeRequest.MoveIn moveIn && moveIn.joinHousehold().isEmpty()
                ? offline.households() : List.of();
        List<String> centralHouseholds = jdbc.sql("SELECT household_number FROM household_snapshot WHERE tenant_id = ?"
                + " AND change_id = ? AND history_number = 1 ORDER BY household_number")
                .params(tenant.value(), receipt.changeId()).query(String.class).list();
        pair(HOUSEHOLD, laptopHouseholds, centralHouseholds, issued);
        return new Applied(receipt, issued);
    }

    private static void pair(String kind, List<String> laptop, List<String> central, Map<String, String> into) {
        for (int i = 0; i < Math.min(laptop.size(), central.size()); i++) {
            into.put(kind + laptop.get(i), central.get(i));
        }
    }

    private static List<String> newOnLaptop(RecordedOffline offline, String historyColumn, String numberColumn) {
        return offline.residentRows().stream().filter(row -> ((Number) row.get(historyColumn)).intValue() == 1)
                .map(row -> (String) row.get(numberColumn)).distinct().toList();
    }

    /**
     * The changes recorded at the centre on these people or households after the given 履歴番号 (the snapshot's),
     * other than {@code ours} (the changes an earlier replay of the same laptop recorded): a non-empty answer means
     * someone changed the record at the centre meanwhile.
     */
    public Set<Long> changedSince(Map<String, Integer> residents, Map<String, Integer> households, Collection<Long> ours) {
        Set<Long> found = new LinkedHashSet<>();
        residents.forEach((atena, history) -> found.addAll(jdbc.sql("SELECT change_id FROM resident_snapshot"
                + " WHERE tenant_id = ? AND atena_number = ? AND history_number > ?")
                .params(tenant.value(), atena, history).query(Long.class).list()));
        households.forEach((household, history) -> found.addAll(jdbc.sql("SELECT change_id FROM household_snapshot"
                + " WHERE tenant_id = ? AND household_number = ? AND history_number > ?")
                .params(tenant.value(), household, history).query(Long.class).list()));
        found.removeAll(ours);
        return found;
    }

    // ---- reading the request back ----------------------------------------------------------------------------

    /** Whether the 個人番号 of the person a 転入 entered (if any) opens with the laptop's key; never shown. */
    private boolean laptopNumberReadable(RecordedOffline offline) {
        for (Map<String, Object> row : offline.residentRows()) {
            Object sealed = row.get("individual_number_cipher");
            if (sealed == null) {
                continue;
            }
            if (laptopKey.isEmpty()) {
                return false;
            }
            try {
                laptopKey.get().cipher().decrypt((String) sealed, tenant.value(), (String) row.get("atena_number"));
            } catch (IllegalStateException | IllegalArgumentException unreadable) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMoveIn(ChangeKind kind) {
        return kind == ChangeKind.DOMESTIC_MOVE_IN || kind == ChangeKind.MOVE_IN_FROM_ABROAD
                || kind == ChangeKind.EX_OFFICIO_ENTRY;
    }

    private Optional<ChangeRequest> requestOf(RecordedOffline offline, Map<String, String> numbers) {
        Map<String, Object> change = offline.change();
        LocalDate changedOn = date(change.get("changed_on"));
        Optional<LocalDate> notifiedOn = Optional.ofNullable(change.get("notified_on")).map(OfflineChangeReplay::date);
        OptionalInt unchecked = OptionalInt.empty();
        List<Map<String, Object>> rows = offline.residentRows();
        ChangeKind kind = offline.kind();
        switch (kind) {
            case MOVE_WITHIN_MUNICIPALITY -> {
                Map<String, Object> row = rows.get(0);
                return Optional.of(new ChangeRequest.Relocation(atena(row, numbers), changedOn, notifiedOn,
                        new Address(new PostalCode((String) row.get("postal_code")), (String) row.get("address"),
                                (String) row.get("district_code"), (String) row.get("building_line")),
                        unchecked));
            }
            case BIRTH -> {
                Map<String, Object> row = rows.get(0);
                Optional<FamilyRegister> register = familyRegister(row);
                return Optional.of(new ChangeRequest.Birth(changedOn, notifiedOn, household(row, numbers),
                        PersonName.of((String) row.get("name"), (String) row.get("kana")),
                        Sex.valueOf((String) row.get("sex")), relationship(row), register, entitlements(row), unchecked));
            }
            case DEATH, EX_OFFICIO_REMOVAL -> {
                String removedStatus = kind == ChangeKind.DEATH ? "DECEASED" : "REMOVED_EX_OFFICIO";
                Optional<Map<String, Object>> removed = rows.stream()
                        .filter(row -> removedStatus.equals(row.get("status"))).findFirst();
                if (removed.isEmpty()) {
                    return Optional.empty();
                }
                Optional<AtenaNumber> newHead = rows.stream()
                        .filter(row -> "HOUSEHOLD_HEAD_CHANGE".equals(row.get("change_kind")))
                        .map(row -> atena(row, numbers)).findFirst();
                return Optional.of(kind == ChangeKind.DEATH
                        ? new ChangeRequest.Death(atena(removed.get(), numbers), changedOn, notifiedOn, newHead, unchecked)
                        : new ChangeRequest.ExOfficioRemoval(atena(removed.get(), numbers), changedOn, newHead, unchecked));
            }
            case DOMESTIC_MOVE_OUT, MOVE_OUT_ABROAD -> {
                List<AtenaNumber> members = rows.stream().filter(row -> "MOVED_OUT".equals(row.get("status")))
                        .map(row -> atena(row, numbers)).toList();
                String note = change.get("note") == null ? "" : (String) change.get("note");
                String destination = note.startsWith("転出先: ") ? note.substring("転出先: ".length()) : note;
                return Optional.of(new ChangeRequest.MoveOut(kind, members, changedOn, notifiedOn, destination, unchecked));
            }
            case HOUSEHOLD_HEAD_CHANGE -> {
                Optional<Map<String, Object>> head = rows.stream()
                        .filter(row -> relationship(row).isHouseholdHead()).findFirst();
                if (head.isEmpty()) {
                    return Optional.empty();
                }
                Map<AtenaNumber, Relationship> relationships = new LinkedHashMap<>();
                for (Map<String, Object> row : rows) {
                    if (row != head.get()) {
                        relationships.put(atena(row, numbers), relationship(row));
                    }
                }
                return Optional.of(new ChangeRequest.HeadChange(household(head.get(), numbers), atena(head.get(), numbers),
                        relationships, changedOn, notifiedOn, unchecked));
            }
            case DOMESTIC_MOVE_IN, MOVE_IN_FROM_ABROAD, EX_OFFICIO_ENTRY -> {
                if (rows.size() != 1 || ((Number) rows.get(0).get("history_number")).intValue() != 1) {
                    return Optional.empty();
                }
                Map<String, Object> row = rows.get(0);
                NewResident person = newResident(row);
                // A new household is headed by the person who came; joining one, they cannot head it (one 世帯主).
                Optional<HouseholdNumber> join = person.relationship().isHouseholdHead() ? Optional.empty()
                        : Optional.of(household(row, numbers));
                return Optional.of(new ChangeRequest.MoveIn(kind, changedOn,
                        kind == ChangeKind.EX_OFFICIO_ENTRY ? Optional.empty() : notifiedOn, person, join, unchecked));
            }
            case HOUSEHOLD_SEPARATION -> {
                return Optional.of(new ChangeRequest.HouseholdSeparation(atena(rows.get(0), numbers), changedOn,
                        notifiedOn, unchecked));
            }
            case HOUSEHOLD_CHANGE -> {
                Map<String, Object> row = rows.get(0);
                return Optional.of(new ChangeRequest.HouseholdChange(atena(row, numbers), household(row, numbers),
                        relationship(row), changedOn, notifiedOn, unchecked));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /**
     * The person as the laptop recorded them, every item read from its snapshot row; the 個人番号 is opened with the
     * snapshot's key (bound to the laptop's 宛名番号) and sealed again by the registry under the centre's key.
     */
    private NewResident newResident(Map<String, Object> row) {
        String atena = (String) row.get("atena_number");
        ResidentKind kind = ResidentKind.valueOf((String) row.get("resident_kind"));
        Optional<ForeignResidentItems> foreign = kind != ResidentKind.FOREIGN ? Optional.empty()
                : Optional.of(new ForeignResidentItems((String) row.get("nationality"), (String) row.get("alphabet_name"),
                        ForeignResidentCategory.valueOf((String) row.get("foreign_category")),
                        text(row, "status_of_residence"), text(row, "period_of_stay"),
                        text(row, "period_expires_on").map(RegistryStore::decode),
                        text(row, "card_number").map(ResidenceCardNumber::new),
                        RegistryStore.decode((String) row.get("became_foreign_resident_on"))));
        Optional<IndividualNumber> individualNumber = text(row, "individual_number_cipher")
                .map(sealed -> laptopKey.orElseThrow().cipher().decrypt(sealed, tenant.value(), atena));
        return new NewResident(kind, PersonName.of((String) row.get("name"), (String) row.get("kana")),
                RegistryStore.decode((String) row.get("birth_date")), Sex.valueOf((String) row.get("sex")),
                relationship(row),
                new Address(new PostalCode((String) row.get("postal_code")), (String) row.get("address"),
                        (String) row.get("district_code"), (String) row.get("building_line")),
                text(row, "previous_address"), familyRegister(row), foreign, individualNumber,
                text(row, "resident_record_code").map(ResidentRecordCode::of), entitlements(row));
    }

    private static Optional<String> text(Map<String, Object> row, String column) {
        return Optional.ofNullable((String) row.get(column));
    }

    private static Optional<FamilyRegister> familyRegister(Map<String, Object> row) {
        return row.get("registered_domicile") == null ? Optional.empty()
                : Optional.of(new FamilyRegister((String) row.get("registered_domicile"),
                        String.valueOf(row.get("family_register_head"))));
    }

    private static AtenaNumber atena(Map<String, Object> row, Map<String, String> numbers) {
        String laptop = (String) row.get("atena_number");
        return AtenaNumber.migrated(numbers.getOrDefault(ATENA + laptop, laptop));
    }

    private static HouseholdNumber household(Map<String, Object> row, Map<String, String> numbers) {
        String laptop = (String) row.get("household_number");
        return HouseholdNumber.migrated(numbers.getOrDefault(HOUSEHOLD + laptop, laptop));
    }

    private static Relationship relationship(Map<String, Object> row) {
        return RegistryStore.relationship((String) row.get("relationship"), (String) row.get("relationship_folded_from"));
    }

    private static Entitlements entitlements(Map<String, Object> row) {
        return new Entitlements(bool(row.get("on_electoral_roll")), bool(row.get("national_health_insurance")),
                bool(row.get("late_stage_elderly_care")), bool(row.get("long_term_care_insurance")),
                NationalPensionCategory.valueOf((String) row.get("national_pension")), bool(row.get("child_allowance")));
    }

    private static boolean bool(Object value) {
        return value instanceof Boolean flag ? flag : value != null && Boolean.parseBoolean(String.valueOf(value));
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(String.valueOf(value));
    }
}
