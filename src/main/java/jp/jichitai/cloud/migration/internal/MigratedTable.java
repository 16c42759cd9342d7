package jp.jichitai.cloud.migration.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import jp.jichitai.cloud.migrationformat.Layout;

/**
 * Where the rows of one standard file are kept: the table and its columns in the layout's column order. Every
 * table also has {@code tenant_id} (leading its key) and {@code line_number} (the row's line in the file).
 */
public record MigratedTable(String layoutName, String tableName, List<String> columns) {

    public static final MigratedTable DISTRICTS = new MigratedTable("data_cyonei", "migrated_district",
            List.of("district_code", "name"));

    public static final MigratedTable RESIDENT_ROWS = new MigratedTable("data_d0101", "migrated_resident_row", List.of(
            "atena_number", "history_number", "household_number", "resident_kind_code", "status_code", "surname",
            "given_name", "surname_kana", "given_name_kana", "former_surname", "former_surname_kana", "birth_date",
            "sex_code", "relationship", "household_head_name", "registered_domicile", "family_register_head",
            "became_resident_on", "district_code", "address", "building_line", "postal_code", "address_settled_on",
            "notified_on", "previous_address", "change_reason", "changed_on", "removal_reason", "moved_out_to",
            "individual_number_cipher", "resident_record_code", "on_electoral_roll", "national_health_insurance",
            "late_stage_elderly_care", "long_term_care_insurance", "national_pension_code", "child_allowance",
            "processed_on", "remarks", "nationality", "alphabet_name", "common_name", "common_name_kana",
            "foreign_category", "status_of_residence", "period_of_stay", "period_expires_on", "card_number",
            "became_foreign_resident_on"));

    public static final MigratedTable FOREIGN_REGISTRATIONS = new MigratedTable("data_d0301",
            "migrated_foreign_registration", List.of(
            "atena_number", "registration_number", "registered_on", "alphabet_name", "kanji_name", "birth_date",
            "sex_code", "nationality", "address_in_home_country", "birthplace", "occupation", "passport_number",
            "passport_issued_on", "landing_permitted_on", "status_of_residence", "period_of_stay", "period_expires_on",
            "residence", "household_head_name", "relationship_to_head", "common_name"));

    public static final MigratedTable INCOMES = new MigratedTable("data_d0603", "migrated_income", List.of(
            "atena_number", "tax_year", "total_income", "aggregate_income", "taxable_base", "income_levy",
            "per_capita_levy", "tax_class_code", "dependants", "salary_income", "pension_income", "updated_on"));

    /** In the order they are imported: districts first, since resident rows must name a known district. */
    public static final List<MigratedTable> ALL = List.of(DISTRICTS, RESIDENT_ROWS, FOREIGN_REGISTRATIONS, INCOMES);

    public MigratedTable {
        columns = List.copyOf(columns);
    }

    /**
     * The column (1-based, as in the layout) whose value is stored encrypted, never as written: 個人番号 (V21); 0
     * when the table has none.
     */
    public int sealedColumn() {
        return columns.indexOf("individual_number_cipher") + 1;
    }

    /** {@code tenant_id, line_number, <columns>}: the column list of an insert or a COPY. */
    public String loadColumns() {
        return "tenant_id, line_number, " + String.join(", ", columns);
    }

    /** The tenant's rows in a table (on an index range: the primary key leads with tenant_id). */
    public static long countRows(Connection connection, String tableName, String tenant) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(*) FROM " + tableName + " WHERE tenant_id = ?")) {
            count.setString(1, tenant);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Refuses a layout whose columns do not match this table (another layout version needs its own tables). */
    public void checkFits(Layout layout) {
        if (layout.columnCount() != columns.size()) {
            throw new IllegalStateException(layout + " has " + layout.columnCount() + " columns; table " + tableName
                    + " keeps " + columns.size());
        }
    }
}
