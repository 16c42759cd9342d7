package jp.jichitai.cloud.residents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** 異動の記録 (a recorded change): what, its dates, and who recorded it when. */
public record RecordedChange(long changeId, ChangeKind kind, LocalDate changedOn, Optional<LocalDate> notifiedOn,
        Instant recordedAt, String recordedBy) {
}
