package jp.jichitai.cloud.continuity;

import java.time.Duration;
import java.util.List;

/** What a tenant restore did: the file's manifest, the rows written, the tables compared, and how long it took. */
public record RestoreOutcome(VaultManifest manifest, long rowsRestored, List<TableChecksum> checksumsAfter,
        List<String> mismatchedTables, Duration elapsed) {

    public RestoreOutcome {
        checksumsAfter = List.copyOf(checksumsAfter);
        mismatchedTables = List.copyOf(mismatchedTables);
    }
}
