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
import jp.jichitai.cloud.residents.HouseholdNumber;
import jp.jichitai.cloud.residents.NationalPensionCategory;
import jp.jichitai.cloud.residents.PersonName;
import jp.jichitai.cloud.residents.PostalCode;
import jp.jichitai.cloud.residents.Relationship;
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
 * 職権消除, 転出 (国内・国外), 世帯主変更, 世帯分離 and 世帯変更. The others (転入 and 職権記載 carry a whole person and
 * a 個人番号 sealed with the laptop's key; corrections, 旧氏・通称 and 取消し) are reported as not replayable, for a
 * person to enter again.
 */
@NamedInterface("offline-replay")
public final class OfflineChangeReplay {

    private final TenantCode tenant;
    private final JdbcClient jdbc;
    private final RegistryService service;

    private OfflineChangeReplay(Connection connection, TenantCode tenant, IndividualNumberCipher cipher) {
        this.tenant = tenant;
        // suppressClose: the caller's connection; every statement runs in its (the merge's) transaction.
        JdbcTemplate template = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        this.jdbc = JdbcClient.create(template);
        RegistryStore store = new RegistryStore(jdbc, template, cipher);
        // no AuditLog: the caller audits each replayed change with the offline counter's actor and time
        this.service = new RegistryService(store, new ResidentSearch(jdbc), null);
    }

    /** A replay for one tenant on the caller's connection, with the service's 個人番号 key. */
    public static OfflineChangeReplay onConnection(Connection connection, TenantCode tenant,
            RegistryBulkWriter.KeySource key) {
        return new OfflineChangeReplay(connection, tenant,
                IndividualNumberCipher.fromConfiguration(key.configuredBase64(), key.dataDirectory()));
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

    /** A kind that is not replayed automatically. */
    @NamedInterface("offline-replay")
    public record NotReplayable(ChangeKind kind) implements Outcome {
    }

    /**
     * Replays one change. {@code numbers} maps numbers issued on the laptop by earlier changes (prefixed
     * {@link #ATENA} or {@link #HOUSEHOLD}) to the centre's
     * (people and households that existed in the snapshot keep their numbers). A refusal leaves nothing written
     * only if the caller rolls back to a savepoint taken before.
     */
    public Outcome replay(RecordedOffline offline, Map<String, String> numbers) {
        Optional<ChangeRequest> request = requestOf(offline, numbers);
        if (request.isEmpty()) {
            return new NotReplayable(offline.kind());
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

    private static Optional<ChangeRequest> requestOf(RecordedOffline offline, Map<String, String> numbers) {
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
                Optional<FamilyRegister> register = row.get("registered_domicile") == null ? Optional.empty()
                        : Optional.of(new FamilyRegister((String) row.get("registered_domicile"),
                                String.valueOf(row.get("family_register_head"))));
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
