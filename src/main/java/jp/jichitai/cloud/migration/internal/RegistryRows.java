package jp.jichitai.cloud.migration.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jp.jichitai.cloud.residents.AtenaNumber;
import jp.jichitai.cloud.residents.ChangeCategory;
import jp.jichitai.cloud.residents.ChangeKind;
import jp.jichitai.cloud.residents.ForeignResidentCategory;
import jp.jichitai.cloud.residents.RecordedDate;
import jp.jichitai.cloud.residents.ResidentRecordCode;
import jp.jichitai.cloud.residents.registry.RegistryBulkWriter;
import jp.jichitai.cloud.shared.BusinessException;

/**
 * 住民記録からの出力 (the data_d0101 rows of an export, read from the resident registry): one row per 住民票
 * snapshot ({@code resident_snapshot}, every 履歴番号, 除票 included), so that every 異動 recorded in the cloud after an
 * import, and every resident entered only in the cloud, is in the file.
 *
 * <p>Every item the registry models is taken from the snapshot. The migrated row of the same key (宛名番号 +
 * 履歴番号, {@code migrated_resident_row}), when the snapshot came from an import, gives:
 * <ul>
 * <li>the items the registry does not model: 世帯主氏名, 消除事由, 転出先住所, 処理年月日, 備考;</li>
 * <li>the recorded text of a modelled item when it denotes the registry's value: the 氏/名 split, an 異動年月日 or
 * 届出年月日 that is not a calendar day (the registry holds the first day it may denote), an 異動事由 the registry
 * does not know (held as 職権記載/職権修正/職権消除), a 住民票コード the registry did not copy, 0 or empty flags, an
 * empty 外国人住民となった年月日. Where the migrated text disagrees with the registry, the registry wins.</li>
 * </ul>
 * A snapshot without a migrated row (recorded in the cloud) gets those items from the registry: 世帯主氏名 is the
 * name of the household's head as of that 異動, 消除事由 the 異動's kind for a 消除, 転出先住所 the destination noted
 * with a 転出, 処理年月日 the day the 異動 was recorded (Japan time).
 *
 * <p>Order: the imported snapshots in the line order of their file, then the others by 宛名番号 and 履歴番号, so an
 * import followed by an export gives the same text.
 */
public final class RegistryRows {

    /** The columns of data_d0101 (layout v0), in the order of {@link MigratedTable#RESIDENT_ROWS}. */
    private static final List<String> COLUMNS = MigratedTable.RESIDENT_ROWS.columns();
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final String DESTINATION_NOTE = "転出先: ";

    /** Receives each row, fields in layout order (null when empty). */
    @FunctionalInterface
    public interface RowSink {
        void row(String[] fields) throws java.io.IOException;
    }

    private final Connection connection;
    private final String tenant;
    private final RegistryBulkWriter registry;
    private final Map<String, Integer> index = new HashMap<>();
    private PreparedStatement headName;

    private RegistryRows(Connection connection, String tenant, RegistryBulkWriter registry) {
        this.connection = connection;
        this.tenant = tenant;
        this.registry = registry;
        for (int i = 0; i < COLUMNS.size(); i++) {
            index.put(COLUMNS.get(i), i);
        }
    }

    /**
     * The 行政区コード written for snapshot {@code s}: its own, or when it has none (recorded before the registry
     * required one) the code of the same person's next snapshot at the same 住所 that has one, typically the 職権修正
     * that completed the record. A 行政区 is a property of the address, so the correction states what it was all
     * along; without this, a history recorded before the rule could never be exported again, since snapshots are
     * append-only. NULL when no such snapshot exists ({@code RegistryExport} then refuses the export).
     */
    public static String effectiveDistrict(String s) {
        return "CASE WHEN TRIM(" + s + ".district_code) <> '' THEN " + s + ".district_code ELSE (SELECT MIN(l.district_code) "
                + "FROM resident_snapshot l WHERE l.tenant_id = " + s + ".tenant_id AND l.atena_number = " + s + ".atena_number "
                + "AND l.address = " + s + ".address AND TRIM(l.district_code) <> '' AND l.history_number = (SELECT "
                + "MIN(n.history_number) FROM resident_snapshot n WHERE n.tenant_id = " + s + ".tenant_id AND n.atena_number = "
                + s + ".atena_number AND n.history_number > " + s + ".history_number AND n.address = " + s + ".address "
                + "AND TRIM(n.district_code) <> '')) END";
    }

    /** Writes the tenant's data_d0101 rows from the registry to {@code sink}; returns the rows written. */
    public static long write(Connection connection, String tenant, RegistryBulkWriter registry, RowSink sink)
            throws SQLException, java.io.IOException {
        RegistryRows rows = new RegistryRows(connection, tenant, registry);
        try {
            return rows.run(sink);
        } finally {
            if (rows.headName != null) {
                rows.headName.close();
            }
        }
    }

    /** The tenant's resident snapshots in the registry (all 履歴番号). */
    public static long snapshotCount(Connection connection, String tenant) throws SQLException {
        return MigratedTable.countRows(connection, "resident_snapshot", tenant);
    }

    private long run(RowSink sink) throws SQLException, java.io.IOException {
        StringBuilder mirror = new StringBuilder();
        for (String column : COLUMNS) {
            mirror.append(", m.").append(column).append(" AS m_").append(column);
        }
        String sql = "SELECT s.*, " + effectiveDistrict("s") + " AS effective_district, c.recorded_at AS c_recorded_at, c.note AS c_note, c.change_kind AS c_change_kind, "
                + "m.line_number AS m_line_number" + mirror
                + " FROM resident_snapshot s JOIN registry_change c ON c.tenant_id = s.tenant_id AND c.change_id = s.change_id"
                + " LEFT JOIN " + MigratedTable.RESIDENT_ROWS.tableName() + " m ON m.tenant_id = s.tenant_id"
                + " AND m.atena_number = s.atena_number AND CAST(m.history_number AS INTEGER) = s.history_number"
                + " WHERE s.tenant_id = ?"
                + " ORDER BY CASE WHEN m.line_number IS NULL THEN 1 ELSE 0 END, m.line_number, s.atena_number, s.history_number";
        long written = 0;
        String[] fields = new String[COLUMNS.size()];
        String[] migrated = new String[COLUMNS.size()];
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, tenant);
            select.setFetchSize(5000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    boolean imported = rs.getObject("m_line_number") != null;
                    for (int i = 0; i < COLUMNS.size(); i++) {
                        migrated[i] = imported ? emptyToNull(rs.getString("m_" + COLUMNS.get(i))) : null;
                    }
                    render(rs, imported ? migrated : null, fields);
                    sink.row(fields);
                    written++;
                }
            }
        }
        return written;
    }

    private void render(ResultSet rs, String[] m, String[] out) throws SQLException {
        java.util.Arrays.fill(out, null);
        String atena = rs.getString("atena_number");
        boolean foreign = "FOREIGN".equals(rs.getString("resident_kind"));
        ChangeKind kind = ChangeKind.valueOf(rs.getString("change_kind"));
        String status = rs.getString("status");
        set(out, "atena_number", atena);
        int history = rs.getInt("history_number");
        String historyText = m == null ? null : get(m, "history_number");
        set(out, "history_number", historyText != null && Integer.parseInt(historyText) == history ? historyText
                : Integer.toString(history));
        set(out, "household_number", rs.getString("household_number"));
        set(out, "resident_kind_code", foreign ? "2" : "1");
        set(out, "status_code", switch (status) {
            case "MOVED_OUT" -> "2";
            case "DECEASED" -> "3";
            case "REMOVED_EX_OFFICIO" -> "4";
            case "OTHER_REMOVAL" -> "9";
            default -> "1";
        });
        names(rs, m, out, foreign);
        set(out, "former_surname", plain(m, "former_surname", rs.getString("former_surname")));
        set(out, "former_surname_kana", plain(m, "former_surname_kana", rs.getString("former_surname_kana")));
        set(out, "birth_date", recorded(rs.getString("birth_date")));
        set(out, "sex_code", "FEMALE".equals(rs.getString("sex")) ? "2" : "1");
        String folded = rs.getString("relationship_folded_from");
        set(out, "relationship", plain(m, "relationship", folded != null ? folded : rs.getString("relationship")));
        set(out, "registered_domicile", plain(m, "registered_domicile", rs.getString("registered_domicile")));
        set(out, "family_register_head", plain(m, "family_register_head", rs.getString("family_register_head")));
        set(out, "became_resident_on", recorded(rs.getString("became_resident_on")));
        set(out, "district_code", rs.getString("effective_district"));
        set(out, "address", rs.getString("address"));
        set(out, "building_line", plain(m, "building_line", rs.getString("building_line")));
        set(out, "postal_code", rs.getString("postal_code"));
        set(out, "address_settled_on", recorded(rs.getString("address_settled_on")));
        set(out, "notified_on", day(m, "notified_on", rs.getDate("notified_on")));
        set(out, "previous_address", plain(m, "previous_address", rs.getString("previous_address")));
        set(out, "change_reason", changeReason(m, kind));
        set(out, "changed_on", day(m, "changed_on", rs.getDate("changed_on")));
        String cipher = rs.getString("individual_number_cipher");
        set(out, "individual_number_cipher", cipher == null ? null
                : registry.decryptIndividualNumber(cipher, AtenaNumber.migrated(atena)).value());
        set(out, "resident_record_code", recordCode(m, rs.getString("resident_record_code")));
        set(out, "on_electoral_roll", flag(m, "on_electoral_roll", rs.getBoolean("on_electoral_roll")));
        set(out, "national_health_insurance", flag(m, "national_health_insurance", rs.getBoolean("national_health_insurance")));
        set(out, "late_stage_elderly_care", flag(m, "late_stage_elderly_care", rs.getBoolean("late_stage_elderly_care")));
        set(out, "long_term_care_insurance", flag(m, "long_term_care_insurance", rs.getBoolean("long_term_care_insurance")));
        set(out, "national_pension_code", pension(m, rs.getString("national_pension")));
        set(out, "child_allowance", flag(m, "child_allowance", rs.getBoolean("child_allowance")));
        if (foreign) {
            set(out, "nationality", rs.getString("nationality"));
            set(out, "alphabet_name", rs.getString("alphabet_name"));
            String category = rs.getString("foreign_category");
            set(out, "foreign_category", category == null ? null : ForeignResidentCategory.valueOf(category).japanese());
            set(out, "status_of_residence", rs.getString("status_of_residence"));
            set(out, "period_of_stay", rs.getString("period_of_stay"));
            String expires = rs.getString("period_expires_on");
            set(out, "period_expires_on", expires == null ? null : recorded(expires));
            set(out, "card_number", rs.getString("card_number"));
            String became = rs.getString("became_foreign_resident_on");
            String becameText = became == null ? null : recorded(became);
            // The projection holds an empty 外国人住民となった年月日 as the 住民となった年月日.
            boolean keptEmpty = m != null && get(m, "became_foreign_resident_on") == null
                    && Objects.equals(becameText, get(out, "became_resident_on"));
            set(out, "became_foreign_resident_on", keptEmpty ? null : becameText);
        }
        set(out, "common_name", plain(m, "common_name", rs.getString("common_name")));
        set(out, "common_name_kana", plain(m, "common_name_kana", rs.getString("common_name_kana")));
        // Items the registry does not model: as recorded in the migrated row, else derived from the registry.
        if (m != null) {
            set(out, "household_head_name", get(m, "household_head_name"));
            set(out, "removal_reason", get(m, "removal_reason"));
            set(out, "moved_out_to", get(m, "moved_out_to"));
            set(out, "processed_on", get(m, "processed_on"));
            set(out, "remarks", get(m, "remarks"));
        } else {
            set(out, "household_head_name", headName(rs));
            boolean removal = !"RESIDENT".equals(status) && kind.category() == ChangeCategory.REMOVAL;
            set(out, "removal_reason", removal ? kind.japanese() : null);
            String note = rs.getString("c_note");
            set(out, "moved_out_to", removal && note != null && note.startsWith(DESTINATION_NOTE)
                    ? note.substring(DESTINATION_NOTE.length()) : null);
            set(out, "processed_on", rs.getObject("c_recorded_at", OffsetDateTime.class).atZoneSameInstant(JAPAN)
                    .toLocalDate().format(YYYYMMDD));
        }
    }

    /** 氏, 名 and their フリガナ: the migrated split when it composes to the registry's name, else split at the 全角空白. */
    private void names(ResultSet rs, String[] m, String[] out, boolean foreign) throws SQLException {
        String name = rs.getString("name");
        String kana = rs.getString("kana");
        if (m != null && Objects.equals(composedName(m, foreign), name) && Objects.equals(composedKana(m, foreign), kana)) {
            for (String item : List.of("surname", "given_name", "surname_kana", "given_name_kana")) {
                set(out, item, get(m, item));
            }
            return;
        }
        if (foreign && name.equals(rs.getString("alphabet_name"))) {
            // A foreign resident recorded by the alphabet name only: no 氏 in the file.
            set(out, "surname_kana", emptyToNull(kana));
            return;
        }
        int nameSpace = name.indexOf('\u3000');
        set(out, "surname", nameSpace < 0 ? name : name.substring(0, nameSpace));
        set(out, "given_name", nameSpace < 0 ? null : emptyToNull(name.substring(nameSpace + 1)));
        int kanaSpace = kana.indexOf('\u3000');
        set(out, "surname_kana", emptyToNull(kanaSpace < 0 ? kana : kana.substring(0, kanaSpace)));
        set(out, "given_name_kana", kanaSpace < 0 ? null : emptyToNull(kana.substring(kanaSpace + 1)));
    }

    /** As {@link RegistryProjection} composes the registry's name from a row. */
    private String composedName(String[] m, boolean foreign) {
        String surname = get(m, "surname");
        if (surname == null && foreign) {
            return get(m, "alphabet_name");
        }
        String given = get(m, "given_name");
        return given != null ? surname + "\u3000" + given : surname;
    }

    private String composedKana(String[] m, boolean foreign) {
        if (get(m, "surname") == null && foreign) {
            return ""; // the registry keeps no reading for a name in alphabet only
        }
        String surnameKana = Objects.requireNonNullElse(get(m, "surname_kana"), "");
        String given = get(m, "given_name_kana");
        return (given != null ? surnameKana + "\u3000" + given : surnameKana).strip();
    }

    /** 世帯主氏名 of a snapshot recorded in the cloud: the household's head as of its 異動 (the person, if none). */
    private String headName(ResultSet rs) throws SQLException {
        if (headName == null) {
            headName = connection.prepareStatement("SELECT r.name FROM household_snapshot h JOIN resident_snapshot r "
                    + "ON r.tenant_id = h.tenant_id AND r.atena_number = h.head_atena_number AND r.change_id <= ? "
                    + "WHERE h.tenant_id = ? AND h.household_number = ? AND h.change_id <= ? "
                    + "ORDER BY h.history_number DESC, r.history_number DESC FETCH FIRST 1 ROWS ONLY");
        }
        long change = rs.getLong("change_id");
        headName.setLong(1, change);
        headName.setString(2, tenant);
        headName.setString(3, rs.getString("household_number"));
        headName.setLong(4, change);
        try (ResultSet head = headName.executeQuery()) {
            return head.next() ? head.getString(1) : rs.getString("name");
        }
    }

    /** The migrated text when it is the same text as the registry's (empty = null), else the registry's. */
    private String plain(String[] m, String item, String registryValue) {
        String value = emptyToNull(registryValue);
        return m != null && Objects.equals(get(m, item), value) ? get(m, item) : value;
    }

    /** 異動年月日 / 届出年月日: the registry keeps a calendar day; the migrated text when it denotes that day. */
    private String day(String[] m, String item, Date stored) throws SQLException {
        String rendered = stored == null ? null : stored.toLocalDate().format(YYYYMMDD);
        if (m == null) {
            return rendered;
        }
        String text = get(m, item);
        if (text == null) {
            return rendered;
        }
        Optional<LocalDate> denoted;
        try {
            denoted = denotedDay(text);
        } catch (BusinessException notADate) {
            return rendered;
        }
        return denoted.isPresent() && stored != null && denoted.get().equals(stored.toLocalDate()) ? text
                : denoted.isEmpty() && stored == null ? text : rendered;
    }

    /** The calendar day {@link RegistryProjection} holds for a recorded date (empty when the year is unknown). */
    static Optional<LocalDate> denotedDay(String text) {
        RecordedDate recorded = RecordedDate.fromStandardCsv(text);
        Optional<LocalDate> exact = recorded.toLocalDate();
        if (exact.isPresent() || recorded.isUnknown()) {
            return exact;
        }
        YearMonth month = YearMonth.of(recorded.year().getAsInt(), recorded.month().orElse(1));
        return Optional.of(month.atDay(Math.min(Math.max(1, recorded.day().orElse(1)), month.lengthOfMonth())));
    }

    /** 異動事由: the registry's kind, or the migrated text the registry held as a 職権 kind because it did not know it. */
    private String changeReason(String[] m, ChangeKind kind) {
        String text = m == null ? null : get(m, "change_reason");
        if (text == null || text.equals(kind.japanese())) {
            return kind.japanese();
        }
        boolean known = java.util.Arrays.stream(ChangeKind.values()).anyMatch(candidate -> candidate.japanese().equals(text));
        boolean exOfficio = kind == ChangeKind.EX_OFFICIO_ENTRY || kind == ChangeKind.EX_OFFICIO_CORRECTION
                || kind == ChangeKind.EX_OFFICIO_REMOVAL;
        return !known && exOfficio ? text : kind.japanese();
    }

    /** 住民票コード: the registry's; the migrated one when the registry did not copy it (its check digit fails the rule). */
    private String recordCode(String[] m, String registryValue) {
        String text = m == null ? null : get(m, "resident_record_code");
        if (registryValue != null || text == null) {
            return registryValue;
        }
        try {
            ResidentRecordCode.of(text);
            return null;
        } catch (BusinessException notTheRegistrysRule) {
            return text;
        }
    }

    private String flag(String[] m, String item, boolean registryValue) {
        String text = m == null ? null : get(m, item);
        if (m != null && "1".equals(text) == registryValue) {
            return text;
        }
        return registryValue ? "1" : "0";
    }

    private String pension(String[] m, String registryValue) {
        String rendered = switch (registryValue) {
            case "CATEGORY_1" -> "1";
            case "CATEGORY_2" -> "2";
            case "CATEGORY_3" -> "3";
            default -> null;
        };
        if (m == null) {
            return rendered;
        }
        String text = get(m, "national_pension_code");
        boolean sameCategory = rendered == null ? !"1".equals(text) && !"2".equals(text) && !"3".equals(text)
                : rendered.equals(text);
        return sameCategory ? text : rendered;
    }

    /** A date as the registry stores it (YYYYMMDD, then @era when written in 和暦) in the file's form. */
    private static String recorded(String stored) {
        int at = stored.indexOf('@');
        return at < 0 ? stored : stored.substring(0, at);
    }

    private String get(String[] fields, String item) {
        return fields[index.get(item)];
    }

    private void set(String[] fields, String item, String value) {
        fields[index.get(item)] = value;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
