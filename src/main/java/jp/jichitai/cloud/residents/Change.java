package jp.jichitai.cloud.residents;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * 異動 (change): what happened, the day it took effect (異動日, for a move out the planned day) and the day it
 * was notified (届出日; empty for changes made 職権, by the municipality itself).
 */
public record Change(ChangeKind kind, LocalDate changedOn, Optional<LocalDate> notifiedOn) {

    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(changedOn, "changedOn");
        Objects.requireNonNull(notifiedOn, "notifiedOn");
    }

    /** A change notified by the resident (届出). */
    public static Change notified(ChangeKind kind, LocalDate changedOn, LocalDate notifiedOn) {
        return new Change(kind, changedOn, Optional.of(notifiedOn));
    }

    /** A change made by the municipality (職権), without a 届出. */
    public static Change exOfficio(ChangeKind kind, LocalDate changedOn) {
        return new Change(kind, changedOn, Optional.empty());
    }
}
