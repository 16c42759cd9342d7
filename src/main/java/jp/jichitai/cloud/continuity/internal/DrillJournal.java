package jp.jichitai.cloud.continuity.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jp.jichitai.cloud.continuity.DrillKind;
import jp.jichitai.cloud.continuity.DrillResult;
import jp.jichitai.cloud.shared.TenantCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes drill results: the {@code drill_result} table and the failover drill's JSON lines. */
public final class DrillJournal {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "drill_id, kind, tenant_code, scenario, started_at, recovery_seconds,"
            + " rows_checked, losses, single_copy_seconds, passed, summary";

    private DrillJournal() {
    }

    /** Stores a drill unless one with its id is stored already (imports may be repeated); the caller commits. */
    public static boolean insertIfNew(Connection connection, DrillResult result) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM drill_result WHERE drill_id = ?")) {
            exists.setString(1, result.drillId());
            try (ResultSet found = exists.executeQuery()) {
                if (found.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO drill_result (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, result.drillId());
            insert.setString(2, result.kind().code());
            insert.setString(3, result.tenant().map(TenantCode::value).orElse(null));
            insert.setString(4, result.scenario());
            insert.setObject(5, OffsetDateTime.ofInstant(result.startedAt(), ZoneOffset.UTC));
            insert.setBigDecimal(6, result.recoverySeconds());
            insert.setLong(7, result.rowsChecked());
            insert.setLong(8, result.losses());
            if (result.singleCopySeconds() == null) {
                insert.setNull(9, Types.NUMERIC);
            } else {
                insert.setBigDecimal(9, result.singleCopySeconds());
            }
            insert.setBoolean(10, result.passed());
            insert.setString(11, result.summary());
            insert.executeUpdate();
        }
        return true;
    }

    public static List<DrillResult> newest(Connection connection, Optional<TenantCode> tenant, int limit)
            throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM drill_result"
                + (tenant.isPresent() ? " WHERE tenant_code IS NULL OR tenant_code = ?" : "")
                + " ORDER BY started_at DESC, drill_id DESC";
        List<DrillResult> results = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setMaxRows(limit);
            if (tenant.isPresent()) {
                select.setString(1, tenant.get().value());
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    results.add(new DrillResult(rows.getString("drill_id"), DrillKind.ofCode(rows.getString("kind")),
                            Optional.ofNullable(rows.getString("tenant_code")).map(TenantCode::of),
                            rows.getString("scenario"), rows.getObject("started_at", OffsetDateTime.class).toInstant(),
                            rows.getBigDecimal("recovery_seconds"), rows.getLong("rows_checked"), rows.getLong("losses"),
                            rows.getBigDecimal("single_copy_seconds"), rows.getBoolean("passed"),
                            rows.getString("summary")));
                }
            }
        }
        return results;
    }

    /** The failover drills of a journal written by ops/cluster/drill_failover.py; a missing file has none. */
    public static List<DrillResult> readFailoverJournal(Path journal) throws IOException {
        if (!Files.exists(journal)) {
            return List.of();
        }
        List<DrillResult> results = new ArrayList<>();
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode drill = JSON.readTree(line);
            BigDecimal recovery = decimal(drill.get("recoverySeconds"));
            BigDecimal singleCopy = decimal(drill.get("singleCopySeconds"));
            long acknowledged = drill.path("acknowledged").asLong(0);
            long lost = drill.path("lost").asLong(0);
            String summary = String.format(Locale.ROOT, "failover: recovery %s s, acknowledged %d, lost %d, single-copy %s s",
                    recovery == null ? "-" : recovery.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString(),
                    acknowledged, lost,
                    singleCopy == null ? "-" : singleCopy.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString());
            results.add(new DrillResult("failover-" + drill.path("drillId").asString(drill.path("at").asString()),
                    DrillKind.FAILOVER, Optional.empty(), drill.path("scenario").asString(null),
                    startedAt(drill.path("at").asString()), recovery, acknowledged, lost, singleCopy,
                    recovery != null && lost == 0, summary));
        }
        return results;
    }

    private static BigDecimal decimal(JsonNode value) {
        return value == null || value.isNull() ? null : value.decimalValue();
    }

    private static Instant startedAt(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (RuntimeException withoutOffset) {
            return java.time.LocalDateTime.parse(text).atZone(java.time.ZoneId.systemDefault()).toInstant();
        }
    }
}
