package jp.jichitai.cloud.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.GaijiMapping;

/**
 * 外字実態調査 (gaiji inventory): every private-use character (U+E000–U+F8FF; CP932's user-defined area
 * F040–F9FC decodes to U+E000–U+E757) found in one tenant's data, with the places it occurs and the
 * tenant's mapping for it if one is set.
 *
 * <p>A place is one field of one person (or record) in one register, e.g. 住民基本台帳 / 宛名番号
 * 000000000012345 / 氏名. Every recorded value counts, history included (a name changed years ago is still
 * data the town holds); the same field of the same person counts once however many history rows repeat it.
 *
 * <p>Plain JDBC on the caller's connection, so that {@code ./jc gaiji inventory} needs no running service
 * and the administrator's screen runs the very same code inside its tenant-bound transaction. Every query
 * names the tenant, so the schema owner (which row-level security does not restrict) sees one town only.
 */
public final class GaijiInventory {

    /** U+E000–U+F8FF: the Basic Multilingual Plane's Private Use Area. */
    public static final int FIRST = 0xE000;
    public static final int LAST = 0xF8FF;

    private final TenantCode tenant;
    private final List<Entry> entries;

    private GaijiInventory(TenantCode tenant, List<Entry> entries) {
        this.tenant = tenant;
        this.entries = entries;
    }

    /** Where a 外字 occurs: the register, the person or record in it (宛名番号 where there is one), the field. */
    public record Place(String register, String reference, String field) {
    }

    /**
     * One 外字 of the tenant: its code point, the number of places it occurs in, those places (in register
     * and reference order), and the tenant's mapping for it (empty when none is set).
     */
    public record Entry(int codePoint, List<Place> places, Optional<GaijiMapping> mapping) {

        public Entry {
            places = List.copyOf(places);
        }

        public int count() {
            return places.size();
        }

        /** "U+E0A1". */
        public String codePointText() {
            return String.format("U+%04X", codePoint);
        }

        /** The CP932 code the character is written with in a municipal file, e.g. "F0A0"; empty outside F040–F9FC. */
        public Optional<String> cp932Code() {
            return cp932CodeOf(codePoint);
        }

        /** Whether a mapping can be set: only the CP932 user-defined area has a meaning in a tenant's 外字 table. */
        public boolean mappable() {
            return codePoint >= GaijiMapping.FIRST && codePoint <= GaijiMapping.LAST;
        }

        /** The character itself (as the data holds it; it shows only where a font happens to have it). */
        public String character() {
            return Character.toString(codePoint);
        }
    }

    /** A register and the text fields of it that may hold a 外字. */
    private record Source(String register, String table, String reference, List<Field> fields) {
    }

    private record Field(String column, String label) {
    }

    /** Names and addresses, as recorded, in every register that holds them. Kana and codes cannot hold a 外字. */
    private static final List<Source> SOURCES = List.of(
            new Source("住民基本台帳", "resident_snapshot", "atena_number", List.of(
                    new Field("name", "氏名"),
                    new Field("former_surname", "旧氏"),
                    new Field("common_name", "通称"),
                    new Field("alphabet_name", "アルファベット氏名"),
                    new Field("family_register_head", "筆頭者"),
                    new Field("registered_domicile", "本籍"),
                    new Field("address", "住所"),
                    new Field("building_line", "方書"),
                    new Field("previous_address", "前住所"),
                    new Field("relationship_folded_from", "続柄（記録どおり）"),
                    new Field("nationality", "国籍・地域"))),
            new Source("被災者台帳", "victim_directory_person", "atena_number", List.of(
                    new Field("name", "氏名"),
                    new Field("head_name", "世帯主氏名"),
                    new Field("address", "住所"),
                    new Field("address_suffix", "方書"))),
            new Source("被災者支援の受付", "disaster_case",
                    "COALESCE(atena_number, '受付 ' || CAST(id AS VARCHAR(20)))", List.of(
                    new Field("declared_name", "申出氏名"),
                    new Field("declared_address", "申出住所"),
                    new Field("applicant_name", "申請者氏名"))),
            new Source("避難者名簿", "disaster_shelter_stay",
                    "COALESCE(atena_number, '避難 ' || CAST(id AS VARCHAR(20)))", List.of(
                    new Field("name", "氏名"))),
            new Source("被災家屋台帳", "disaster_dwelling", "'家屋 ' || CAST(id AS VARCHAR(20))", List.of(
                    new Field("address", "住所"),
                    new Field("occupants", "居住者"))));

    /** Surveys one tenant's data. The connection is used as given (the caller owns its transaction). */
    public static GaijiInventory survey(Connection connection, TenantCode tenant) throws SQLException {
        Map<Integer, Set<Place>> placesByCodePoint = new TreeMap<>();
        String contains = containsPrivateUsePredicate(connection);
        for (Source source : SOURCES) {
            scan(connection, tenant, source, contains, placesByCodePoint);
        }
        Map<Integer, GaijiMapping> mappings = mappingsOf(connection, tenant);
        List<Entry> entries = new ArrayList<>(placesByCodePoint.size());
        placesByCodePoint.forEach((codePoint, places) -> entries.add(
                new Entry(codePoint, new ArrayList<>(places), Optional.ofNullable(mappings.get(codePoint)))));
        return new GaijiInventory(tenant, Collections.unmodifiableList(entries));
    }

    public TenantCode tenant() {
        return tenant;
    }

    /** Every 外字 found, by code point. */
    public List<Entry> entries() {
        return entries;
    }

    public Optional<Entry> entry(int codePoint) {
        return entries.stream().filter(entry -> entry.codePoint() == codePoint).findFirst();
    }

    public int totalPlaces() {
        return entries.stream().mapToInt(Entry::count).sum();
    }

    /** Whether a code point is a 外字 in the sense of this inventory (the whole Private Use Area). */
    public static boolean isPrivateUse(int codePoint) {
        return codePoint >= FIRST && codePoint <= LAST;
    }

    /** CP932 F040–F9FC ↔ U+E000–U+E757: 188 cells per lead byte, trail bytes 40–7E and 80–FC. */
    static Optional<String> cp932CodeOf(int codePoint) {
        if (codePoint < GaijiMapping.FIRST || codePoint > GaijiMapping.LAST) {
            return Optional.empty();
        }
        int offset = codePoint - GaijiMapping.FIRST;
        int lead = 0xF0 + offset / 188;
        int cell = offset % 188;
        int trail = cell < 63 ? 0x40 + cell : 0x80 + (cell - 63);
        return Optional.of(String.format("%02X%02X", lead, trail));
    }

    private static void scan(Connection connection, TenantCode tenant, Source source, String contains,
            Map<Integer, Set<Place>> placesByCodePoint) throws SQLException {
        String columns = source.fields().stream().map(Field::column).collect(Collectors.joining(", "));
        String filter = source.fields().stream().map(field -> String.format(contains, field.column()))
                .collect(Collectors.joining(" OR "));
        String sql = "SELECT " + source.reference() + ", " + columns + " FROM " + source.table()
                + " WHERE tenant_id = ? AND (" + filter + ") ORDER BY 1";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int parameter = 1;
            statement.setString(parameter++, tenant.value());
            if (contains.contains("?")) {
                for (int i = 0; i < source.fields().size(); i++) {
                    statement.setString(parameter++, PRIVATE_USE_PATTERN);
                }
            }
            statement.setFetchSize(1000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String reference = rows.getString(1);
                    for (int i = 0; i < source.fields().size(); i++) {
                        String value = rows.getString(i + 2);
                        if (value != null) {
                            record(value, new Place(source.register(), reference, source.fields().get(i).label()),
                                    placesByCodePoint);
                        }
                    }
                }
            }
        }
    }

    private static void record(String value, Place place, Map<Integer, Set<Place>> placesByCodePoint) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isPrivateUse(c)) {
                placesByCodePoint.computeIfAbsent((int) c, codePoint -> new LinkedHashSet<>()).add(place);
            }
        }
    }

    /** The regular expression both databases understand for "holds a Private Use Area character". */
    private static final String PRIVATE_USE_PATTERN = "[\uE000-\uF8FF]";

    /**
     * Lets the database skip the rows without a 外字 (nearly all of them); a database without a regular
     * expression operator we know returns every row and the scan above decides alone.
     */
    private static String containsPrivateUsePredicate(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
        if (product.contains("postgresql")) {
            return "%s ~ ?";
        }
        if (product.contains("h2")) {
            return "REGEXP_LIKE(%s, ?)";
        }
        return "%s IS NOT NULL";
    }

    private static Map<Integer, GaijiMapping> mappingsOf(Connection connection, TenantCode tenant) throws SQLException {
        Map<Integer, GaijiMapping> mappings = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT code_point, substitute, description FROM gaiji_mapping WHERE tenant_id = ?"
                        + " AND code_point BETWEEN ? AND ?")) {
            statement.setString(1, tenant.value());
            statement.setInt(2, GaijiMapping.FIRST);
            statement.setInt(3, GaijiMapping.LAST);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    // The table itself has no CHECK for what GaijiMapping accepts (a vault restore or an offline
                    // merge writes rows as they were), so a row the screen could not have saved is shown as
                    // unmapped instead of failing the whole survey.
                    try {
                        mappings.put(rows.getInt(1), new GaijiMapping(rows.getInt(1), rows.getString(2), rows.getString(3)));
                    } catch (jp.jichitai.cloud.shared.BusinessException unusable) {
                        continue;
                    }
                }
            }
        }
        return mappings;
    }
}
