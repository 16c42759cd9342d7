package jp.jichitai.cloud.residents;

import java.util.Objects;

/** 履歴 (history entry): the 履歴番号 (1, 2, 3 ...), the change and the full snapshot it produced. */
public record HistoryEntry(int historyNumber, Change change, Resident snapshot) {

    public HistoryEntry {
        if (historyNumber < 1) {
            throw new IllegalArgumentException("history numbers start at 1: " + historyNumber);
        }
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(snapshot, "snapshot");
    }
}
