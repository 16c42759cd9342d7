package jp.jichitai.cloud.operations;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import jp.jichitai.cloud.operations.internal.JdbcBatchRunLedger;
import jp.jichitai.cloud.shared.TenantCode;

/**
 * Where the command-line batch jobs, which run without Spring, record each run for the
 * バッチ処理時間遵守率: straight into the tenant's daily aggregate over plain JDBC, compared with the
 * kind's {@link BatchKind#defaultTarget()}. Jobs that run inside the service use {@link BatchRuns}.
 *
 * <p>Recording never fails the job: a database without the SLA tables (an older schema) or any other
 * error is reported as a warning and the job's own outcome stands.
 */
public final class BatchRunLedger {

    private BatchRunLedger() {
    }

    /** Opens a connection to the command's database, e.g. {@code DatabaseOptions::open}. */
    @FunctionalInterface
    public interface ConnectionOpener {
        Connection open() throws SQLException;
    }

    /** Records a finished run over a connection of its own, closed afterwards. */
    public static boolean record(ConnectionOpener database, TenantCode tenant, BatchKind kind, Instant started,
            Instant finished, PrintWriter warnings) {
        try (Connection connection = database.open()) {
            return record(connection, tenant, kind, started, finished, warnings);
        } catch (SQLException e) {
            warnings.println("警告: バッチ処理の実績を記録できませんでした（" + kind.japaneseName() + "、団体 " + tenant.value()
                    + "）: " + e.getMessage());
            warnings.flush();
            return false;
        }
    }

    /**
     * Records a finished run in its own transaction on {@code connection} (which it leaves in auto-commit).
     *
     * @return whether the run was recorded
     */
    public static boolean record(Connection connection, TenantCode tenant, BatchKind kind, Instant started,
            Instant finished, PrintWriter warnings) {
        try {
            JdbcBatchRunLedger.record(connection, tenant, kind, started, finished);
            return true;
        } catch (SQLException | RuntimeException e) {
            warnings.println("警告: バッチ処理の実績を記録できませんでした（" + kind.japaneseName() + "、団体 " + tenant.value()
                    + "）: " + e.getMessage());
            warnings.flush();
            return false;
        }
    }
}
