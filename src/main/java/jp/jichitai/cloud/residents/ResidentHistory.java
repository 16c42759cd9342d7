package jp.jichitai.cloud.residents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jp.jichitai.cloud.residents.internal.ChangePolicy;
import jp.jichitai.cloud.residents.internal.ResidentMessages;

/**
 * 住民票の履歴 (resident history): everything the registry has recorded for one 宛名番号, as full snapshots numbered
 * 1, 2, 3 ... (履歴番号). Nothing is overwritten: a change appends the snapshot it produced, and the current
 * record is the snapshot with the highest number.
 *
 * <p>Lifecycle: a history begins with a 記載 (転入, 出生, 職権記載 ...). Later changes are checked by the rules in
 * {@code ChangePolicy}: 異動日 not in the future except for 転出, no 転居 or 転出 of a 除票, 死亡 not before birth,
 * the 住民状態 that each kind of change leads to, and the same 住民種別 throughout. An 異動の取消し appends the
 * snapshot from before the latest change again, as a new entry, so the cancelled change stays visible.
 * Household-wide rules (one 世帯主) are the {@link HouseholdRules}, checked over all members of a household.
 */
public final class ResidentHistory {

    private final AtenaNumber atenaNumber;
    private final List<HistoryEntry> entries;

    private ResidentHistory(List<HistoryEntry> entries) {
        this.entries = new ArrayList<>(entries);
        this.atenaNumber = entries.get(0).snapshot().atenaNumber();
    }

    /** Opens the history of a person with its first 記載. */
    public static ResidentHistory begin(Change change, Resident snapshot, LocalDate today) {
        ChangePolicy.checkFirst(change, snapshot, today);
        return new ResidentHistory(List.of(new HistoryEntry(1, change, snapshot.withChangeDates(change))));
    }

    /**
     * Rebuilds a history from stored entries (persistence, migration): only the numbering and the 宛名番号 are
     * checked, because stored history is what it is and may predate today's rules.
     */
    public static ResidentHistory reconstitute(List<HistoryEntry> stored) {
        if (stored.isEmpty()) {
            throw new IllegalArgumentException("a history has at least one entry");
        }
        AtenaNumber number = stored.get(0).snapshot().atenaNumber();
        for (int i = 0; i < stored.size(); i++) {
            HistoryEntry entry = stored.get(i);
            if (entry.historyNumber() != i + 1 || !entry.snapshot().atenaNumber().equals(number)) {
                throw new IllegalArgumentException("history entries must be numbered 1, 2, 3 ... for one 宛名番号: " + entry);
            }
        }
        return new ResidentHistory(stored);
    }

    /** Records a change and the snapshot it produced; the snapshot takes the change's 異動日 and 届出日. */
    public HistoryEntry record(Change change, Resident next, LocalDate today) {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(next, "next");
        ChangePolicy.checkNext(current(), change, next, today);
        return append(change, next.withChangeDates(change));
    }

    /**
     * 異動の取消し: cancels the latest change by appending the snapshot from before it, unchanged, under a new
     * 履歴番号. The first 記載 and a cancellation cannot be cancelled.
     */
    public HistoryEntry cancelLatest(Change cancellation, LocalDate today) {
        ChangePolicy.checkCancellation(cancellation, today);
        if (entries.size() < 2) {
            throw ResidentMessages.refusal("E-RES-0040");
        }
        if (latest().change().kind() == ChangeKind.CANCELLATION) {
            throw ResidentMessages.refusal("E-RES-0041");
        }
        return append(cancellation, entries.get(entries.size() - 2).snapshot());
    }

    private HistoryEntry append(Change change, Resident snapshot) {
        HistoryEntry entry = new HistoryEntry(entries.size() + 1, change, snapshot);
        entries.add(entry);
        return entry;
    }

    public AtenaNumber atenaNumber() {
        return atenaNumber;
    }

    /** The current record: the snapshot with the highest 履歴番号. */
    public Resident current() {
        return latest().snapshot();
    }

    public HistoryEntry latest() {
        return entries.get(entries.size() - 1);
    }

    /** All entries, oldest first. */
    public List<HistoryEntry> entries() {
        return List.copyOf(entries);
    }
}
