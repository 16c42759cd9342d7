package jp.jichitai.cloud.continuity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import jp.jichitai.cloud.shared.TenantCode;

/** Rows of many column types for a tenant, written as the schema owner, and a wipe of a tenant's rows. */
final class VaultFixture {

    private VaultFixture() {
    }

    /** Adds (at most 1,000, unique per seed) 外字 entries (with NULLs) and issued certificates (BIGINT, BOOLEAN, timestamps) for a tenant. */
    static void addRowsOfEveryKind(Connection connection, TenantCode tenant, int count, long seed) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed);
        try (PreparedStatement gaiji = connection.prepareStatement("INSERT INTO gaiji_mapping (tenant_id, code_point,"
                + " substitute, description, updated_at) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement issued = connection.prepareStatement("INSERT INTO issued_certificate (tenant_id,"
                        + " scope, serial, issue_number, kind, verification_code, content_digest, subject, page_count,"
                        + " substitutions, reprint_of, drill, issued_at, issued_by)"
                        + " VALUES (?, 'vault-test', ?, ?, 'resident-copy', ?, ?, ?, 1, 0, ?, ?, ?, 'tester')")) {
            for (int index = 0; index < count; index++) {
                long serial = seed * 100_000 + index;
                gaiji.setString(1, tenant.value());
                gaiji.setInt(2, 0xF0000 + (int) (seed * 1_000 + index));
                gaiji.setString(3, random.nextBoolean() ? null : "髙" + index);
                gaiji.setString(4, index % 3 == 0 ? null : "説明 \"引用\" \\ 改行\n" + index);
                gaiji.setObject(5, OffsetDateTime.of(2024, 1 + index % 12, 1 + index % 28, index % 24, 0, 0,
                        random.nextInt(1_000_000) * 1_000, ZoneOffset.ofHours(9)));
                gaiji.addBatch();
                issued.setString(1, tenant.value());
                issued.setLong(2, serial);
                issued.setString(3, "第" + serial + "号");
                issued.setString(4, String.format("%012d", serial));
                issued.setString(5, Long.toHexString(random.nextLong()));
                issued.setString(6, "subject-" + random.nextInt(1_000));
                if (index % 2 == 0) {
                    issued.setNull(7, java.sql.Types.BIGINT);
                } else {
                    issued.setLong(7, serial - 1);
                }
                issued.setBoolean(8, random.nextBoolean());
                issued.setObject(9, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(index));
                issued.addBatch();
            }
            gaiji.executeBatch();
            issued.executeBatch();
        }
    }

    /** Deletes every row of the tenant in every tenant-owned table and its user accounts (as after a loss). */
    static void wipe(Connection connection, TenantCode tenant) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet columns = connection.getMetaData().getColumns(null, connection.getSchema(), "%", "tenant_id")) {
            while (columns.next()) {
                tables.add(columns.getString("TABLE_NAME"));
            }
        }
        // children before tenant_profile etc.: retry until nothing is left, whatever the foreign keys are
        for (int round = 0; round < tables.size() && !tables.isEmpty(); round++) {
            for (String table : List.copyOf(tables)) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE tenant_id = ?")) {
                    delete.setString(1, tenant.value());
                    delete.executeUpdate();
                    tables.remove(table);
                } catch (SQLException referencedStill) {
                    // deleted in a later round
                }
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM app_user WHERE tenant_code = ?")) {
            delete.setString(1, tenant.value());
            delete.executeUpdate();
        }
    }

    static long count(Connection connection, String sql, TenantCode tenant) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, tenant.value());
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
