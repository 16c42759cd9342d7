package jp.jichitai.cloud.migration;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import jp.jichitai.cloud.migrationformat.GaijiTally;

/**
 * 突合 (reconciliation) of one input file of an import: every row read is imported or rejected (with the id of
 * its first error), so read = imported + rejected; and the 外字 seen in the file.
 */
public final class FileTally {

    private final String fileName;
    private long read;
    private long valid;
    private long imported;
    private final Map<String, Long> rejectedByReason = new TreeMap<>();
    private final GaijiTally gaiji = new GaijiTally();

    FileTally(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    public long read() {
        return read;
    }

    /** Rows that passed every check (imported only if the import was committed). */
    public long valid() {
        return valid;
    }

    public long imported() {
        return imported;
    }

    public long rejected() {
        return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<String, Long> rejectedByReason() {
        return Collections.unmodifiableMap(rejectedByReason);
    }

    public GaijiTally gaiji() {
        return gaiji;
    }

    /** Whether read = imported + rejected (true for a committed import; a voided one imported nothing). */
    public boolean addsUp() {
        return read == imported + rejected();
    }

    void countRead() {
        read++;
    }

    void countValid() {
        valid++;
    }

    void reject(String reason) {
        rejectedByReason.merge(reason, 1L, Long::sum);
    }

    /** A row counted valid that is rejected after all (left out by the projection into the registry). */
    void rejectValid(String reason) {
        valid--;
        reject(reason);
    }

    void markImported(long rows) {
        imported = rows;
    }
}
