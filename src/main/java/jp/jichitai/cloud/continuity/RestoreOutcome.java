package jp.jichitai.cloud.continuity;

import java.time.Duration;
import java.util.List;

/**
 * What a tenant restore did: the file's manifest, the rows written, the tables compared, the tables kept as
 * they were (the access log, when the town's chain already existed: it is append-only and never rolled
 * back), and how long it took.
 */
public record RestoreOutcome(VaultManifest manifest, long rowsRestored, List<TableChecksum> checksumsAfter,
        List<String> mismatchedTables, List<String> keptTables, Duration elapsed) {

    public RestoreOutcome {
        checksumsAfter = List.copyOf(checksumsAfter);
        mismatchedTables = List.copyOf(mismatchedTables);
        keptTables = List.copyOf(keptTables);
    }
}
