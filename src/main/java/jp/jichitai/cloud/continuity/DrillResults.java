package jp.jichitai.cloud.continuity;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import jp.jichitai.cloud.continuity.internal.DrillJournal;
import jp.jichitai.cloud.shared.TenantCode;

/**
 * The stored drill results (provider table {@code drill_result}), on a plain JDBC connection so that the
 * drills, which run from the command line, can record what they measured.
 */
public final class DrillResults {

    private DrillResults() {
    }

    public static void record(Connection connection, DrillResult result) throws SQLException {
        DrillJournal.insertIfNew(connection, result);
    }

    /**
     * Reads the JSON lines that {@code ops/cluster/drill-failover.sh} appends to its journal and stores the
     * drills not stored yet. Returns how many were new.
     */
    public static int importFailoverJournal(Connection connection, Path journal) throws SQLException, IOException {
        int imported = 0;
        for (DrillResult result : DrillJournal.readFailoverJournal(journal)) {
            imported += DrillJournal.insertIfNew(connection, result) ? 1 : 0;
        }
        return imported;
    }

    /** The newest drills first: the cluster's and, when a tenant is given, that tenant's (all when empty). */
    public static List<DrillResult> newest(Connection connection, Optional<TenantCode> tenant, int limit)
            throws SQLException {
        return DrillJournal.newest(connection, tenant, limit);
    }

    /** The failover journal's default place: {@code $JC_DRILLS_DIR}, else {@code data/drills/failover.jsonl}. */
    public static Path defaultFailoverJournal() {
        String directory = System.getenv("JC_DRILLS_DIR");
        return (directory == null || directory.isBlank() ? Path.of("data", "drills") : Path.of(directory))
                .resolve("failover.jsonl");
    }
}
