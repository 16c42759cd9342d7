package jp.jichitai.cloud.migrationformat;

import java.util.Objects;
import jp.jichitai.cloud.shared.MessageId;

/** Why a row was rejected: the id of an error reported for it and the column (field number, 0 for the whole line). */
public record RejectionReason(MessageId id, int column) {

    public RejectionReason {
        Objects.requireNonNull(id, "id");
        if (column < 0) {
            throw new IllegalArgumentException("column must not be negative: " + column);
        }
    }

    /** As the rejects file writes it: {@code E-MIG-0103:12}. */
    @Override
    public String toString() {
        return id.value() + ":" + column;
    }

    /** Reads {@code E-MIG-0103:12}. */
    public static RejectionReason parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not ID:COLUMN: " + text);
        }
        return new RejectionReason(MessageId.of(text.substring(0, colon)), Integer.parseInt(text.substring(colon + 1)));
    }
}
