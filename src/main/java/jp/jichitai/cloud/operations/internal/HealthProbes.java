package jp.jichitai.cloud.operations.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The stored ヘルスチェック results, one row a minute (table health_probe_minute, provider data). */
@Repository
class HealthProbes {

    private final JdbcClient jdbc;

    HealthProbes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a minute's result. Several servers may probe the same minute: a failure seen by any of them
     * stands, so a failed result overwrites a good one and never the other way round.
     */
    @Transactional
    public void record(HealthProbe.Result result) {
        int updated = jdbc.sql("UPDATE health_probe_minute SET up = ?, detail = ? WHERE probed_minute = ? AND up = ?")
                .params(result.up(), result.detail(), OperationsRecords.stored(result.minute()), true)
                .update();
        if (updated == 0 && jdbc.sql("SELECT COUNT(*) FROM health_probe_minute WHERE probed_minute = ?")
                .param(OperationsRecords.stored(result.minute())).query(Long.class).single() == 0) {
            jdbc.sql("INSERT INTO health_probe_minute (probed_minute, up, detail) VALUES (?, ?, ?)")
                    .params(OperationsRecords.stored(result.minute()), result.up(), result.detail())
                    .update();
        }
    }

    /** The minutes in [from, to) whose probe failed, in order. */
    @Transactional(readOnly = true)
    public List<LocalDateTime> failedMinutes(LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("""
                SELECT probed_minute FROM health_probe_minute
                 WHERE probed_minute >= ? AND probed_minute < ? AND up = ? ORDER BY probed_minute""")
                .params(OperationsRecords.stored(from), OperationsRecords.stored(to), false)
                .query((rs, row) -> OperationsRecords.local(rs, "probed_minute"))
                .list();
    }

    /** How many minutes in [from, to) were probed at all. */
    @Transactional(readOnly = true)
    public long probedMinutes(LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("SELECT COUNT(*) FROM health_probe_minute WHERE probed_minute >= ? AND probed_minute < ?")
                .params(OperationsRecords.stored(from), OperationsRecords.stored(to))
                .query(Long.class).single();
    }
}
