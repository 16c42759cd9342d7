package jp.jichitai.cloud.migration.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jp.jichitai.cloud.migrationformat.Layout;
import jp.jichitai.cloud.migrationformat.MigrationProblems;
import jp.jichitai.cloud.residents.Address;
import jp.jichitai.cloud.residents.AtenaNumber;
import jp.jichitai.cloud.residents.Change;
import jp.jichitai.cloud.residents.ChangeKind;
import jp.jichitai.cloud.residents.Entitlements;
import jp.jichitai.cloud.residents.FamilyRegister;
import jp.jichitai.cloud.residents.ForeignResidentCategory;
import jp.jichitai.cloud.residents.ForeignResidentItems;
import jp.jichitai.cloud.residents.HistoryEntry;
import jp.jichitai.cloud.residents.HouseholdNumber;
import jp.jichitai.cloud.residents.NationalPensionCategory;
import jp.jichitai.cloud.residents.PersonName;
import jp.jichitai.cloud.residents.PostalCode;
import jp.jichitai.cloud.residents.RecordedDate;
import jp.jichitai.cloud.residents.Relationship;
import jp.jichitai.cloud.residents.ResidenceCardNumber;
import jp.jichitai.cloud.residents.Resident;
import jp.jichitai.cloud.residents.ResidentHistory;
import jp.jichitai.cloud.residents.ResidentKind;
import jp.jichitai.cloud.residents.ResidentRecordCode;
import jp.jichitai.cloud.residents.ResidentSeeder.SeedHousehold;
import jp.jichitai.cloud.residents.ResidentStatus;
import jp.jichitai.cloud.residents.Sex;
import jp.jichitai.cloud.residents.registry.RegistryBulkWriter;
import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.shared.MessageId;

/**
 * 住民記録への反映 (projection of the imported rows into the resident registry): every data_d0101 row of the tenant
 * (every 履歴番号, 除票 included) becomes a 住民票 snapshot with its 履歴番号 as recorded; the current record is the
 * highest 履歴番号; each household gets its current members (世帯主 from 続柄); search keys, 個人番号 encryption and
 * numbering are the registry's own ({@link RegistryBulkWriter}). Runs in the import's transaction, after the rows
 * are loaded, so that the registry and the migrated rows are written together or not at all.
 *
 * <p>A row the registry cannot hold (a name without 氏, an unknown 30条の45区分 ...) is an error at its file, line
 * and column, and voids the import. Items the registry models more narrowly are kept as recorded in the migrated
 * rows and approximated in the registry with a warning: an 異動年月日 or 届出年月日 that is not a calendar day (the
 * registry keeps these as dates), an unknown 異動事由 (recorded as 職権記載, 職権修正 or 職権消除), a 住民票コード
 * whose check digit does not follow the registry's rule (not copied into the registry).
 */
public final class RegistryProjection {

    private static final MessageId CANNOT_HOLD = MessageId.of("E-MIG-0601");
    private static final MessageId HISTORY_GAP = MessageId.of("E-MIG-0602");
    private static final MessageId APPROXIMATED_DATE = MessageId.of("W-MIG-0601");
    private static final MessageId UNKNOWN_REASON = MessageId.of("W-MIG-0602");
    private static final MessageId RECORD_CODE_KEPT = MessageId.of("W-MIG-0603");
    private static final MessageId DEPENDS_ON_REFUSED = MessageId.of("E-MIG-0603");
    /**
     * Test hook (the kill test): seconds to pause after the first households were written into the registry, so
     * that a process can be killed while the projection runs. Unset (the default) means no pause.
     */
    public static final String PAUSE_PROPERTY = "jc.test.import-pause-in-projection-seconds";
    /** Snapshots handed to the registry's loader at a time: bounded memory, few round trips. */
    private static final int SNAPSHOTS_PER_LOAD = 5_000;

    private final Connection connection;
    private final String tenant;
    private final RegistryBulkWriter registry;
    private final MigrationProblems problems;
    private final String fileName;
    private final Layout layout;
    private final Map<String, Integer> index = new HashMap<>();
    /** With a rejects file: a household with a row the registry cannot hold is left out, not a reason to stop. */
    private final boolean leaveOutRefused;
    private final long errorsBefore;
    private final List<RefusedRow> refused = new ArrayList<>();
    private final java.util.Set<String> refusedResidents = new java.util.LinkedHashSet<>();
    /** The line of the row that made the last {@link #history} fail, and why. */
    private long failedLine;
    private long residents;

    private RegistryProjection(Connection connection, String tenant, RegistryBulkWriter registry, Layout layout,
            MigrationProblems problems, boolean leaveOutRefused) {
        this.leaveOutRefused = leaveOutRefused;
        this.errorsBefore = problems.errorCount();
        this.connection = connection;
        this.tenant = tenant;
        this.registry = registry;
        this.layout = layout;
        this.fileName = layout.fileName();
        this.problems = problems;
        List<String> columns = MigratedTable.RESIDENT_ROWS.columns();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i), i);
        }
    }

    /**
     * Writes the tenant's imported resident rows into the registry (which must hold none of the tenant's residents).
     * Returns the residents written; on errors (reported to {@code problems}) the caller rolls back.
     */
    public static long project(Connection connection, String tenant, RegistryBulkWriter registry, Layout layout,
            MigrationProblems problems, Consumer<String> progress) throws SQLException {
        return new RegistryProjection(connection, tenant, registry, layout, problems, false).run(progress);
    }

    /** A data_d0101 row left out of the registry (with a rejects file), with why. */
    public record RefusedRow(long line, String atenaNumber, List<jp.jichitai.cloud.migrationformat.RejectionReason> reasons) {
    }

    /**
     * What a projection that leaves refused households out wrote: the residents, the rows left out (every row of
     * every member of a household in which one row cannot be held, in line order) and their 宛名番号.
     */
    public record Outcome(long residents, List<RefusedRow> refused, java.util.Set<String> refusedResidents) {
    }

    /**
     * As {@link #project} but for an import with a rejects file: a household with a row the registry cannot hold
     * is left out whole (the row with its errors, every other row of its members with E-MIG-0603), the others are
     * written. The errors are reported as usual; the caller moves the rows left out to the rejects file.
     */
    public static Outcome projectLeavingOutRefused(Connection connection, String tenant, RegistryBulkWriter registry,
            Layout layout, MigrationProblems problems, Consumer<String> progress) throws SQLException {
        RegistryProjection projection = new RegistryProjection(connection, tenant, registry, layout, problems, true);
        long residents = projection.run(progress);
        projection.refused.sort(java.util.Comparator.comparingLong(RefusedRow::line));
        return new Outcome(residents, List.copyOf(projection.refused), java.util.Set.copyOf(projection.refusedResidents));
    }

    private Consumer<String> progress = line -> { };

    private long run(Consumer<String> progress) throws SQLException {
        this.progress = progress;
        List<String> columns = MigratedTable.RESIDENT_ROWS.columns();
        // Each person's rows, oldest first, grouped by the household of their latest row.
        String sql = "SELECT * FROM (SELECT FIRST_VALUE(household_number) OVER (PARTITION BY atena_number "
                + "ORDER BY CAST(history_number AS INTEGER) DESC) AS current_household, line_number, "
                + String.join(", ", columns) + " FROM " + MigratedTable.RESIDENT_ROWS.tableName()
                + " WHERE tenant_id = ?) rows ORDER BY current_household, atena_number, CAST(history_number AS INTEGER)";
        List<SeedHousehold> batch = new ArrayList<>();
        int batchSnapshots = 0;
        long nextProgress = 100_000;
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, tenant);
            select.setFetchSize(5000);
            try (ResultSet rs = select.executeQuery()) {
                String household = null;
                List<ResidentHistory> members = new ArrayList<>();
                List<Row> person = new ArrayList<>();
                List<Row> householdRows = new ArrayList<>();
                while (rs.next()) {
                    Row row = new Row(rs.getLong("line_number"), new String[columns.size()]);
                    for (int i = 0; i < columns.size(); i++) {
                        row.fields[i] = rs.getString(i + 3);
                    }
                    String currentHousehold = rs.getString(1);
                    if (!person.isEmpty() && !person.get(0).get("atena_number").equals(row.get("atena_number"))) {
                        personDone(person, members);
                        person.clear();
                    }
                    if (household != null && !household.equals(currentHousehold)) {
                        batchSnapshots += add(batch, household, members, householdRows);
                        members = new ArrayList<>();
                        householdRows.clear();
                        if (batchSnapshots >= SNAPSHOTS_PER_LOAD) {
                            load(batch);
                            batchSnapshots = 0;
                        }
                    }
                    household = currentHousehold;
                    person.add(row);
                    householdRows.add(row);
                    if (residents + members.size() >= nextProgress) {
                        progress.accept(String.format(Locale.ROOT, "住民記録に反映中: %,d 人", residents + members.size()));
                        nextProgress += 100_000;
                    }
                }
                if (!person.isEmpty()) {
                    personDone(person, members);
                }
                if (household != null) {
                    add(batch, household, members, householdRows);
                }
            }
        }
        load(batch);
        if (leaveOutRefused || problems.errorCount() == errorsBefore) {
            registry.finish();
        }
        String timing = registry.timing();
        if (!timing.isEmpty()) {
            progress.accept("住民記録への書込み: " + timing);
        }
        return residents;
    }

    /** A person's rows read: their history joins the household's members, or the household is marked refused. */
    private void personDone(List<Row> person, List<ResidentHistory> members) {
        problems.mark();
        Optional<ResidentHistory> history = history(person);
        if (history.isPresent()) {
            members.add(history.get());
        } else {
            refusedLines.put(failedLine, problems.errorsSinceMark());
        }
    }

    /** Rows of the current household that could not be held, with their errors. */
    private final Map<Long, List<jp.jichitai.cloud.migrationformat.RejectionReason>> refusedLines = new HashMap<>();

    private void pauseIfAsked() {
        String seconds = System.getProperty(PAUSE_PROPERTY);
        if (seconds == null || seconds.isBlank()) {
            return;
        }
        progress.accept(String.format(Locale.ROOT, "住民記録に反映中: %,d 人（試験用の一時停止 %s 秒）", residents, seconds));
        try {
            Thread.sleep(Long.parseLong(seconds.strip()) * 1000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private int add(List<SeedHousehold> batch, String household, List<ResidentHistory> members, List<Row> rows) {
        if (!refusedLines.isEmpty()) {
            if (leaveOutRefused) {
                String cause = null;
                for (Row row : rows) {
                    if (refusedLines.containsKey(row.line)) {
                        cause = fileName + ":" + row.line;
                        break;
                    }
                }
                for (Row row : rows) {
                    List<jp.jichitai.cloud.migrationformat.RejectionReason> reasons = refusedLines.get(row.line);
                    if (reasons == null || reasons.isEmpty()) {
                        problems.report(fileName, row.line, 1, DEPENDS_ON_REFUSED, row.get("atena_number"), cause);
                        reasons = List.of(new jp.jichitai.cloud.migrationformat.RejectionReason(DEPENDS_ON_REFUSED, 1));
                    }
                    refused.add(new RefusedRow(row.line, row.get("atena_number"), reasons));
                    refusedResidents.add(row.get("atena_number"));
                }
            }
            refusedLines.clear();
            return 0;
        }
        if (members.isEmpty()) {
            return 0;
        }
        batch.add(new SeedHousehold(HouseholdNumber.migrated(household), members));
        return members.stream().mapToInt(member -> member.entries().size()).sum();
    }

    private void load(List<SeedHousehold> batch) {
        // Left-out households are not in the batch; otherwise an error of the projection stops the loading.
        if (leaveOutRefused || problems.errorCount() == errorsBefore) {
            boolean first = residents == 0;
            residents += registry.load(batch);
            if (first && residents > 0) {
                pauseIfAsked();
            }
        }
        batch.clear();
    }

    /** One person's rows as a history; empty (and reported) when a row cannot be held. */
    private Optional<ResidentHistory> history(List<Row> rows) {
        List<HistoryEntry> entries = new ArrayList<>(rows.size());
        ResidentStatus previous = null;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int number = Integer.parseInt(row.get("history_number"));
            failedLine = row.line;
            if (number != i + 1) {
                problems.report(fileName, row.line, column("履歴番号"), HISTORY_GAP, row.get("atena_number"),
                        rows.stream().map(r -> String.valueOf(Integer.parseInt(r.get("history_number")))).toList());
                return Optional.empty();
            }
            try {
                Resident snapshot = snapshot(row);
                Change change = change(row, i == 0, previous, snapshot.status());
                entries.add(new HistoryEntry(number, change, snapshot.withChangeDates(change)));
                previous = snapshot.status();
            } catch (Unholdable unholdable) {
                return Optional.empty();
            }
        }
        return Optional.of(ResidentHistory.reconstitute(entries));
    }

    private Change change(Row row, boolean first, ResidentStatus before, ResidentStatus after) {
        String reason = row.get("change_reason");
        ChangeKind kind = null;
        for (ChangeKind candidate : ChangeKind.values()) {
            if (candidate.japanese().equals(reason)) {
                kind = candidate;
            }
        }
        if (kind == null) {
            kind = first ? ChangeKind.EX_OFFICIO_ENTRY
                    : after.isRemoved() && before != null && !before.isRemoved() ? ChangeKind.EX_OFFICIO_REMOVAL
                    : ChangeKind.EX_OFFICIO_CORRECTION;
            problems.report(fileName, row.line, column("異動事由"), UNKNOWN_REASON, reason, kind.japanese());
        }
        LocalDate changedOn = day(row, "changed_on", "異動年月日").orElseThrow(() -> {
            problems.report(fileName, row.line, column("異動年月日"), CANNOT_HOLD, "異動年月日", "E-MIG-0601",
                    "異動年月日が年月日不詳です");
            return new Unholdable();
        });
        Optional<LocalDate> notifiedOn = row.has("notified_on") ? day(row, "notified_on", "届出年月日") : Optional.empty();
        return new Change(kind, changedOn, notifiedOn);
    }

    /**
     * A recorded date as the calendar day the registry keeps: itself when it is one, else the first day it may
     * denote (unknown month or day as 1, a day past the month's end as its last day), with a warning; empty when
     * the year is unknown.
     */
    private Optional<LocalDate> day(Row row, String item, String columnName) {
        RecordedDate recorded = recordedDate(row, item, columnName);
        Optional<LocalDate> exact = recorded.toLocalDate();
        if (exact.isPresent() || recorded.isUnknown()) {
            return exact;
        }
        YearMonth month = YearMonth.of(recorded.year().getAsInt(), recorded.month().orElse(1));
        LocalDate approximated = month.atDay(Math.min(Math.max(1, recorded.day().orElse(1)), month.lengthOfMonth()));
        problems.report(fileName, row.line, column(columnName), APPROXIMATED_DATE, columnName, row.get(item), approximated);
        return Optional.of(approximated);
    }

    private Resident snapshot(Row row) {
        ResidentKind kind = "2".equals(row.get("resident_kind_code")) ? ResidentKind.FOREIGN : ResidentKind.JAPANESE;
        boolean foreign = kind == ResidentKind.FOREIGN;
        String atena = row.get("atena_number");
        Resident.Builder builder = Resident.builder()
                .atenaNumber(hold(row, "宛名番号", () -> AtenaNumber.migrated(atena)))
                .householdNumber(hold(row, "世帯番号", () -> HouseholdNumber.migrated(row.get("household_number"))))
                .kind(kind)
                .status(status(row.get("status_code")))
                .name(hold(row, "氏", () -> name(row, foreign)))
                .formerSurname(row.has("former_surname")
                        ? Optional.of(hold(row, "旧氏", () -> PersonName.of(row.get("former_surname"), row.or("former_surname_kana", ""))))
                        : Optional.empty())
                .commonName(row.has("common_name")
                        ? Optional.of(hold(row, "通称", () -> PersonName.of(row.get("common_name"), row.or("common_name_kana", ""))))
                        : Optional.empty())
                .birthDate(recordedDate(row, "birth_date", "生年月日"))
                .sex("2".equals(row.get("sex_code")) ? Sex.FEMALE : Sex.MALE)
                .relationship(hold(row, "続柄", () -> Relationship.parse(row.get("relationship"))))
                .familyRegister(row.has("registered_domicile")
                        ? Optional.of(new FamilyRegister(row.get("registered_domicile"), row.or("family_register_head", "")))
                        : Optional.empty())
                .address(hold(row, "郵便番号", () -> new Address(PostalCode.parse(row.get("postal_code")), row.get("address"),
                        row.get("district_code"), row.or("building_line", ""))))
                .previousAddress(Optional.ofNullable(row.get("previous_address")))
                .becameResidentOn(recordedDate(row, "became_resident_on", "住民となった年月日"))
                .addressSettledOn(recordedDate(row, "address_settled_on", "住定日"))
                .changedOn(LocalDate.EPOCH)
                .individualNumber(row.has("individual_number_cipher")
                        ? Optional.of(registry.decryptIndividualNumber(row.get("individual_number_cipher"), AtenaNumber.migrated(atena)))
                        : Optional.empty())
                .residentRecordCode(residentRecordCode(row))
                .entitlements(new Entitlements(flag(row, "on_electoral_roll"), flag(row, "national_health_insurance"),
                        flag(row, "late_stage_elderly_care"), flag(row, "long_term_care_insurance"), pension(row),
                        flag(row, "child_allowance")));
        if (foreign) {
            builder.foreignItems(Optional.of(hold(row, "30条の45区分", () -> foreignItems(row))));
        }
        return hold(row, "住民種別", builder::build);
    }

    private static PersonName name(Row row, boolean foreign) {
        String surname = row.get("surname");
        if (surname == null && foreign) {
            return PersonName.of(row.get("alphabet_name"), "");
        }
        String name = row.has("given_name") ? surname + "\u3000" + row.get("given_name") : surname;
        String kana = row.has("given_name_kana") ? row.or("surname_kana", "") + "\u3000" + row.get("given_name_kana")
                : row.or("surname_kana", "");
        return PersonName.of(name, kana.strip());
    }

    private ForeignResidentItems foreignItems(Row row) {
        String categoryText = row.get("foreign_category");
        ForeignResidentCategory category = null;
        for (ForeignResidentCategory candidate : ForeignResidentCategory.values()) {
            if (candidate.japanese().equals(categoryText)) {
                category = candidate;
            }
        }
        Optional<RecordedDate> expires = row.has("period_expires_on")
                ? Optional.of(recordedDate(row, "period_expires_on", "在留期間満了日")) : Optional.empty();
        RecordedDate became = row.has("became_foreign_resident_on")
                ? recordedDate(row, "became_foreign_resident_on", "外国人住民となった年月日")
                : recordedDate(row, "became_resident_on", "住民となった年月日");
        return new ForeignResidentItems(row.get("nationality"), row.get("alphabet_name"), category,
                Optional.ofNullable(row.get("status_of_residence")), Optional.ofNullable(row.get("period_of_stay")), expires,
                row.has("card_number") ? Optional.of(new ResidenceCardNumber(row.get("card_number"))) : Optional.empty(),
                became);
    }

    private Optional<ResidentRecordCode> residentRecordCode(Row row) {
        if (!row.has("resident_record_code")) {
            return Optional.empty();
        }
        try {
            return Optional.of(ResidentRecordCode.of(row.get("resident_record_code")));
        } catch (BusinessException notTheRegistrysRule) {
            problems.report(fileName, row.line, column("住民票コード"), RECORD_CODE_KEPT, row.get("resident_record_code"));
            return Optional.empty();
        }
    }

    private static ResidentStatus status(String code) {
        return switch (code) {
            case "2" -> ResidentStatus.MOVED_OUT;
            case "3" -> ResidentStatus.DECEASED;
            case "4" -> ResidentStatus.REMOVED_EX_OFFICIO;
            case "9" -> ResidentStatus.OTHER_REMOVAL;
            default -> ResidentStatus.RESIDENT;
        };
    }

    private static NationalPensionCategory pension(Row row) {
        String code = row.or("national_pension_code", "");
        return switch (code) {
            case "1" -> NationalPensionCategory.CATEGORY_1;
            case "2" -> NationalPensionCategory.CATEGORY_2;
            case "3" -> NationalPensionCategory.CATEGORY_3;
            default -> NationalPensionCategory.NOT_INSURED;
        };
    }

    private static boolean flag(Row row, String item) {
        return "1".equals(row.get(item));
    }

    private RecordedDate recordedDate(Row row, String item, String columnName) {
        return hold(row, columnName, () -> RecordedDate.fromStandardCsv(row.get(item)));
    }

    /** Builds an item; a refusal of the registry's rules is reported at the row's line and the item's column. */
    private <T> T hold(Row row, String columnName, Supplier<T> item) {
        try {
            return item.get();
        } catch (BusinessException refused) {
            problems.report(fileName, row.line, column(columnName), CANNOT_HOLD, columnName, refused.messageId().value(),
                    refused.japaneseMessage());
            throw new Unholdable();
        } catch (IllegalArgumentException | NullPointerException refused) {
            problems.report(fileName, row.line, column(columnName), CANNOT_HOLD, columnName, "-", refused.getMessage());
            throw new Unholdable();
        }
    }

    private int column(String name) {
        return layout.column(name).number();
    }

    /** A row the registry cannot hold, reported already. */
    private static final class Unholdable extends RuntimeException {
        Unholdable() {
            super(null, null, false, false);
        }
    }

    /** One imported row: its line in the file and its fields in the table's column order (null when empty). */
    private final class Row {
        final long line;
        final String[] fields;

        Row(long line, String[] fields) {
            this.line = line;
            this.fields = fields;
        }

        String get(String item) {
            return fields[index.get(item)];
        }

        String or(String item, String otherwise) {
            String value = get(item);
            return value == null ? otherwise : value;
        }

        boolean has(String item) {
            String value = get(item);
            return value != null && !value.isEmpty();
        }
    }
}
